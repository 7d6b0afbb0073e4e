package dev.credence.models.bnn.fit;

import dev.credence.api.infer.GuidedModel;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.PosteriorPredictor;
import dev.credence.models.bnn.baseline.PointTrainer;
import dev.credence.models.bnn.baseline.TrainSettings;
import dev.credence.models.bnn.laplace.Laplace;
import dev.credence.models.bnn.laplace.LaplacePosterior;
import dev.credence.models.bnn.laplace.LaplacePredictor;
import dev.credence.models.bnn.laplace.LaplaceSettings;
import dev.credence.models.bnn.layer.Estimator;
import dev.credence.models.bnn.layer.GuideTap;
import dev.credence.models.bnn.layer.MeanFieldGuide;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.posterior.WeightLayout;
import dev.credence.models.bnn.predict.Predictor;
import dev.credence.models.bnn.swag.Swag;
import dev.credence.models.bnn.swag.SwagPosterior;
import dev.credence.models.bnn.swag.SwagSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a {@link BnnModel} by name:
 *
 * <ul>
 *   <li>{@code nuts}: the registry's NUTS over every weight, full batch (small networks);
 *   <li>{@code svi}: the registry's SVI on minibatches, with the Bayes-by-Backprop guide ({@code
 *       guide=meanfield}: {@link MeanFieldGuide}, the local reparameterisation trick or Flipout,
 *       optional MOPED initialisation) or one of the provider's automatic guides ({@code lowrank},
 *       ...);
 *   <li>{@code map}, {@code mcdropout}, {@code ensemble}: the point-estimate baselines of {@link
 *       PointTrainer};
 *   <li>{@code swag}, {@code multiswag}: SWAG and MultiSWAG ({@link Swag}) after MAP pretraining;
 *   <li>{@code laplace}: a MAP network and a Laplace approximation of it ({@link Laplace});
 *   <li>any other provider of the registry (for example a stochastic-gradient MCMC sampler), run on
 *       the model with minibatches of {@code batch-size}.
 * </ul>
 *
 * The Bayesian methods see the model itself, unchanged: only its batch size (and, for the
 * mean-field guide, its estimator and tap) are set here. Options are in {@link FitOptions}; the
 * settings this class chooses for the SVI provider pass through the options it publishes ({@link
 * ProviderOptions}), so a renamed option or a value out of its range fails when it is set.
 *
 * <pre>{@code
 * BnnFitter fitter = new BnnFitter(Inferences.discover());
 * FittedBnn fit = fitter.fit(model, FitOptions.of("svi", Map.of("epochs", "200")), RandomKey.of(1));
 * RegressionPrediction p = ((RegressionDraws) fit.predictor().predict(xTest, key, 500)).summarise();
 * }</pre>
 */
public final class BnnFitter {
    /** The default initial step size of SVI. */
    public static final double SVI_LR = 0.03;

    /** Folded into a Laplace fit's key for its curvature pass (the trainers split their keys). */
    private static final long LAPLACE_STREAM = 0x4C41504CL;

    /** By default SVI's step size decays exponentially to {@code lr / SVI_DECAY}. */
    public static final double SVI_DECAY = 30;

    /** The default initial standard deviation of the mean-field guide. */
    public static final double SVI_INIT_SCALE = 1e-4;

    private final Inferences inferences;
    private final ProgressListener listener;

    /**
     * A fitter that finds inference algorithms in a registry.
     *
     * @param inferences the registry ({@link Inferences#discover()} in applications)
     */
    public BnnFitter(Inferences inferences) {
        this(inferences, ProgressListener.NONE);
    }

    /**
     * A fitter that reports progress.
     *
     * @param inferences the registry
     * @param listener receives the inference algorithms' progress
     */
    public BnnFitter(Inferences inferences, ProgressListener listener) {
        this.inferences = inferences;
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /**
     * Fits a model.
     *
     * @param model the model on its training data
     * @param options the method and options
     * @param key the random key of the fit
     * @return the fitted network
     */
    public FittedBnn fit(BnnModel model, FitOptions options, RandomKey key) {
        if (model.y() == null) {
            throw new IllegalArgumentException(
                    "BnnFitter: the model has no targets; fit needs training data");
        }
        long t0 = System.nanoTime();
        Posterior posterior = null;
        Predictor predictor;
        switch (options.method()) {
            case "nuts" -> {
                posterior = nuts(model, options, key);
                predictor = new PosteriorPredictor(posterior, model, "NUTS " + options.values());
            }
            case "svi" -> {
                posterior = svi(model, options, key);
                predictor =
                        new PosteriorPredictor(
                                posterior, model, "SVI " + options.get(BnnOptions.GUIDE));
            }
            case "map", "mcdropout", "ensemble" -> predictor = point(model, options, key);
            case "swag", "multiswag" -> {
                posterior = swag(model, options, key);
                predictor =
                        new PosteriorPredictor(
                                posterior,
                                model,
                                options.method().toUpperCase() + " " + options.values());
            }
            case "laplace" -> {
                LaplacePosterior lp = laplace(model, options, key);
                posterior = lp;
                predictor =
                        new LaplacePredictor(
                                lp,
                                model.network(),
                                model.likelihood(),
                                LaplacePredictor.Mode.parse(
                                        options.get(
                                                "predictive",
                                                model.likelihood().isRegression()
                                                        ? "mc"
                                                        : "probit")));
            }
            default -> {
                posterior = provider(model, options, key);
                predictor =
                        new PosteriorPredictor(
                                posterior, model, options.method() + " " + options.values());
            }
        }
        return new FittedBnn(model, predictor, options, posterior, (System.nanoTime() - t0) / 1e9);
    }

    private Posterior nuts(BnnModel model, FitOptions options, RandomKey key) {
        InferenceConfig c = InferenceConfig.of(options.values(), key, listener);
        return inferences.create("nuts", c).fit(model.withBatchSize(model.size()));
    }

    private Posterior svi(BnnModel model, FitOptions o, RandomKey key) {
        RandomKey[] k = key.split(3);
        int batch = Math.min(o.get(BnnOptions.BATCH_SIZE), model.size());
        BnnModel m = model.withBatchSize(batch);
        ProviderOptions c = ProviderOptions.of(inferences, "svi");
        int epochs = o.get(BnnOptions.EPOCHS);
        double lr = o.getDouble("lr", SVI_LR);
        double lrFinal = o.getDouble("lr-final", lr / SVI_DECAY);
        c.set("epochs", epochs).set("lr", lr);
        if (lrFinal != lr) {
            // Exponential decay from lr to lr-final over the run, through the provider's
            // clipped Adam with clipping effectively off.
            long steps = (long) epochs * ((m.size() + batch - 1) / batch);
            c.set("optimizer", "clipped-adam")
                    .set("clip", 1e12)
                    .set("lr-decay", Math.pow(lrFinal / lr, 1.0 / Math.max(1, steps)));
        }
        c.set("particles", o.get(BnnOptions.PARTICLES)).set("report-every", 100);
        String guide = o.get(BnnOptions.GUIDE);
        Model target;
        if (guide.equals("meanfield")) {
            Estimator e = Estimator.parse(o.get(BnnOptions.ESTIMATOR));
            GuideTap tap = e == Estimator.REPARAMETERISATION ? null : new GuideTap();
            MeanFieldGuide q = meanField(m, o, k[0]).withTap(tap);
            BnnModel local =
                    m.withEstimator(e)
                            .withTap(tap)
                            .withLocalSamples(o.get(BnnOptions.LOCAL_SAMPLES));
            target = new GuidedModel(local, q);
            c.set("elbo", "meanfield");
        } else {
            target = m;
            c.set("guide", guide)
                    .set("elbo", guide.equals("normal") ? "meanfield" : "trace")
                    .set("init-scale", o.get(BnnOptions.INIT_SCALE))
                    .set("rank", o.get(BnnOptions.RANK));
        }
        return c.create(k[1], listener).fit(target);
    }

    private Posterior provider(BnnModel model, FitOptions o, RandomKey key) {
        if (inferences.find(o.method()).isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown inference '"
                            + o.method()
                            + "' for a network; known: "
                            + FitOptions.METHODS
                            + " and the installed providers "
                            + inferences.providers().stream()
                                    .map(dev.credence.api.infer.InferenceProvider::name)
                                    .toList());
        }
        Map<String, String> c = new LinkedHashMap<>(o.values());
        c.remove("batch-size");
        int batch = Math.min(o.getInt("batch-size", 32), model.size());
        return inferences
                .create(o.method(), InferenceConfig.of(c, key, listener))
                .fit(model.withBatchSize(batch));
    }

    /** The MAP objective of the point methods and of SWAG's and Laplace's pretraining. */
    private static TrainSettings mapSettings(BnnModel m, FitOptions o, double dropout) {
        return new TrainSettings(
                o.getInt("epochs", 40),
                Math.min(o.getInt("batch-size", 32), m.size()),
                o.getDouble("lr", 0.01),
                o.getDouble("prior-scale", priorScale(m.prior(), 1)),
                dropout);
    }

    /** SWAG's SGD phase from the {@code swag-*} options. */
    private static SwagSettings swagSettings(FitOptions o) {
        return new SwagSettings(
                o.getInt("swag-epochs", 5),
                o.getDouble("swag-lr", 0.01),
                0.9,
                o.getInt("swag-collect", 4),
                o.getInt("swag-rank", 20),
                o.getDouble("swag-scale", 1));
    }

    private static Posterior swag(BnnModel m, FitOptions o, RandomKey key) {
        SwagSettings s = swagSettings(o);
        TrainSettings pre = mapSettings(m, o, 0);
        if (o.method().equals("multiswag")) {
            return Swag.multi(
                    m.network(), m.likelihood(), m.x(), m.y(), pre, s, o.getInt("members", 5), key);
        }
        return Swag.fit(m.network(), m.likelihood(), m.x(), m.y(), pre, s, key);
    }

    /**
     * Laplace's approximation. Its mode is trained with the very key it is given, so that it is the
     * network that {@code map} (or, with {@code pretrain=swa}, the SWA mean that {@code swag}) fits
     * from the same key and options: a Laplace fit and a MAP fit of one seed compare the
     * approximation on one network. The curvature pass draws from a key of its own.
     */
    private static LaplacePosterior laplace(BnnModel m, FitOptions o, RandomKey key) {
        TrainSettings pre = mapSettings(m, o, 0);
        Map<String, Tensor> mode;
        double noise;
        if (o.get("pretrain", "map").equals("swa")) {
            SwagPosterior swa =
                    Swag.fit(m.network(), m.likelihood(), m.x(), m.y(), pre, swagSettings(o), key);
            mode =
                    new WeightLayout(m.network().shapes())
                            .unflatten(swa.moments().mean(), m.x().backend(), m.x().dtype());
            noise = swa.noise();
        } else {
            PointTrainer.Trained map =
                    PointTrainer.train(m.network(), m.likelihood(), m.x(), m.y(), pre, key);
            mode = map.weights();
            noise = map.noise();
        }
        LaplaceSettings.Subset subset = LaplaceSettings.subset(o.get("subset", "last-layer"));
        boolean last = subset == LaplaceSettings.Subset.LAST_LAYER;
        LaplaceSettings s =
                new LaplaceSettings(
                        subset,
                        LaplaceSettings.structure(o.get("hessian", last ? "full" : "kfac")),
                        o.getDouble("prior-precision", Double.NaN),
                        Boolean.parseBoolean(o.get("exact", "" + last)),
                        128,
                        LaplaceSettings.priorStructure(o.get("prior-structure", "scalar")));
        RandomKey curvature = key.fold(LAPLACE_STREAM);
        return Laplace.fit(m.network(), m.likelihood(), mode, noise, m.x(), m.y(), s, curvature);
    }

    /** Bayes by Backprop's guide, random or MOPED-initialised. */
    private static MeanFieldGuide meanField(BnnModel m, FitOptions o, RandomKey key) {
        String noise = m.likelihood().hasNoiseSite() ? Likelihood.NOISE_SITE : null;
        if (o.get(BnnOptions.MOPED)) {
            // MOPED (Krishnan et al. 2020): first a MAP network on the same minibatches, for as
            // many epochs (at the point baselines' default step size unless moped-lr is given).
            TrainSettings s =
                    new TrainSettings(
                            o.get(BnnOptions.EPOCHS),
                            m.batchSize(),
                            o.get(BnnOptions.MOPED_LR),
                            priorScale(m.prior(), 1),
                            0);
            PointTrainer.Trained t =
                    PointTrainer.train(m.network(), m.likelihood(), m.x(), m.y(), s, key);
            return MeanFieldGuide.moped(
                    t.weights(),
                    noise,
                    noise == null ? 1 : t.noise(),
                    o.get(BnnOptions.MOPED_DELTA));
        }
        return MeanFieldGuide.random(
                m.weightShapes(),
                noise,
                m.x().backend(),
                m.x().dtype(),
                key,
                o.get(BnnOptions.INIT_SCALE),
                o.get(BnnOptions.INIT_NOISE));
    }

    private static Predictor point(BnnModel m, FitOptions o, RandomKey key) {
        TrainSettings s =
                mapSettings(
                        m, o, o.method().equals("mcdropout") ? o.getDouble("dropout", 0.05) : 0);
        return switch (o.method()) {
            case "map" -> PointTrainer.map(m.network(), m.likelihood(), m.x(), m.y(), s, key);
            case "mcdropout" ->
                    PointTrainer.mcDropout(m.network(), m.likelihood(), m.x(), m.y(), s, key);
            default ->
                    PointTrainer.ensemble(
                            m.network(),
                            m.likelihood(),
                            m.x(),
                            m.y(),
                            s,
                            o.getInt("members", 5),
                            key);
        };
    }

    /** The standard deviation of a Gaussian weight prior, or a fallback for other priors. */
    static double priorScale(WeightPrior p, double fallback) {
        return p instanceof WeightPrior.Gaussian g && !g.perFanIn() ? g.scale() : fallback;
    }
}
