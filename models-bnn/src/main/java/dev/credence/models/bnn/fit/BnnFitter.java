package dev.credence.models.bnn.fit;

import dev.credence.api.infer.GuidedModel;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.PosteriorPredictor;
import dev.credence.models.bnn.baseline.PointTrainer;
import dev.credence.models.bnn.baseline.TrainSettings;
import dev.credence.models.bnn.layer.Estimator;
import dev.credence.models.bnn.layer.GuideTap;
import dev.credence.models.bnn.layer.MeanFieldGuide;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.predict.Predictor;
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
 *       PointTrainer}.
 * </ul>
 *
 * The Bayesian methods see the model itself, unchanged: only its batch size (and, for the
 * mean-field guide, its estimator and tap) are set here. Options are in {@link FitOptions}.
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
            default -> predictor = point(model, options, key);
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
        Map<String, Object> c = new LinkedHashMap<>();
        int epochs = o.get(BnnOptions.EPOCHS);
        double lr = o.getDouble("lr", SVI_LR);
        double lrFinal = o.getDouble("lr-final", lr / SVI_DECAY);
        c.put("epochs", epochs);
        c.put("lr", lr);
        if (lrFinal != lr) {
            // Exponential decay from lr to lr-final over the run, through the provider's
            // clipped Adam with clipping effectively off.
            long steps = (long) epochs * ((m.size() + batch - 1) / batch);
            c.put("optimizer", "clipped-adam");
            c.put("clip", 1e12);
            c.put("lr-decay", Math.pow(lrFinal / lr, 1.0 / Math.max(1, steps)));
        }
        c.put("particles", o.get(BnnOptions.PARTICLES));
        c.put("report-every", 100);
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
            c.put("elbo", "meanfield");
        } else {
            target = m;
            c.put("guide", guide);
            c.put("elbo", guide.equals("normal") ? "meanfield" : "trace");
            c.put("init-scale", o.get(BnnOptions.INIT_SCALE));
            c.put("rank", o.get(BnnOptions.RANK));
        }
        return inferences.create("svi", new InferenceConfig(c, k[1], listener)).fit(target);
    }

    /** Bayes by Backprop's guide, random or MOPED-initialised. */
    private static MeanFieldGuide meanField(BnnModel m, FitOptions o, RandomKey key) {
        String noise = m.likelihood().hasNoiseSite() ? Likelihood.NOISE_SITE : null;
        if (o.get(BnnOptions.MOPED)) {
            // MOPED (Krishnan et al. 2020): first a MAP network on the same minibatches, for as
            // many epochs, at the point baselines' step size.
            TrainSettings s =
                    new TrainSettings(
                            o.get(BnnOptions.EPOCHS),
                            m.batchSize(),
                            0.01,
                            priorScale(m.prior(), 1),
                            0);
            PointTrainer.Trained t =
                    PointTrainer.train(m.mlp(), m.likelihood(), m.x(), m.y(), s, key);
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
                new TrainSettings(
                        o.get(BnnOptions.EPOCHS),
                        Math.min(o.get(BnnOptions.BATCH_SIZE), m.size()),
                        o.getDouble("lr", 0.01),
                        o.getDouble("prior-scale", priorScale(m.prior(), 1)),
                        o.method().equals("mcdropout") ? o.get(BnnOptions.DROPOUT) : 0);
        return switch (o.method()) {
            case "map" -> PointTrainer.map(m.mlp(), m.likelihood(), m.x(), m.y(), s, key);
            case "mcdropout" ->
                    PointTrainer.mcDropout(m.mlp(), m.likelihood(), m.x(), m.y(), s, key);
            default ->
                    PointTrainer.ensemble(
                            m.mlp(),
                            m.likelihood(),
                            m.x(),
                            m.y(),
                            s,
                            o.get(BnnOptions.MEMBERS),
                            key);
        };
    }

    /** The standard deviation of a Gaussian weight prior, or a fallback for other priors. */
    static double priorScale(WeightPrior p, double fallback) {
        return p instanceof WeightPrior.Gaussian g && !g.perFanIn() ? g.scale() : fallback;
    }
}
