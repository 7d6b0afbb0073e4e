package dev.credence.models.bnn;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.Predictive;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.predict.PredictiveDraws;
import dev.credence.models.bnn.predict.Predictor;
import dev.credence.models.bnn.predict.RegressionDraws;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predictions of a {@link BnnModel} under any {@link Posterior} (NUTS draws or a fitted guide):
 * draws the weights (and noise scale) from the posterior, runs the model on the new inputs with
 * them ({@link Predictive#run}) and reads its deterministic sites, {@code mean} and {@code sd} or
 * {@code probs}, per draw.
 */
public final class PosteriorPredictor implements Predictor {
    private final Posterior posterior;
    private final BnnModel model;
    private final String description;

    /**
     * Wraps a posterior.
     *
     * @param posterior the fitted posterior over the model's latent sites
     * @param model the model it was fitted to (any data; only its network and likelihood are used)
     * @param description how the posterior was obtained, for reports
     */
    public PosteriorPredictor(Posterior posterior, BnnModel model, String description) {
        this.posterior = posterior;
        this.model = model;
        this.description = description;
    }

    /**
     * Returns the posterior.
     *
     * @return the posterior
     */
    public Posterior posterior() {
        return posterior;
    }

    @Override
    public PredictiveDraws predict(Tensor x, RandomKey key, int draws) {
        Map<String, Tensor> sites;
        try (var off = Autodiff.noGrad()) {
            RandomKey[] k = key.split(2);
            sites = Predictive.run(model.withData(x, null), latentDraws(k[0], draws), k[1]);
        }
        if (model.likelihood().isRegression()) {
            return new RegressionDraws(
                    rows(sites, Likelihood.MEAN_SITE), rows(sites, Likelihood.SD_SITE));
        }
        Tensor p = site(sites, Likelihood.PROBS_SITE);
        int s = p.dim(0);
        int n = p.dim(1);
        int k = p.dim(2);
        double[] flat = p.toDoubleArray();
        double[][][] out = new double[s][n][k];
        for (int a = 0; a < s; a++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, (a * n + i) * k, out[a][i], 0, k);
            }
        }
        return new ClassificationDraws(out);
    }

    /**
     * Posterior draws of the model's latent sites only: an MCMC posterior also stores the
     * deterministic sites of the training run ({@code mean}, {@code sd}), which must not be
     * substituted into the model on new inputs.
     */
    private Map<String, Tensor> latentDraws(RandomKey key, int n) {
        Map<String, Tensor> all = posterior.sample(key, n);
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(model.weightShapes().keySet());
        if (model.likelihood().hasNoiseSite()) {
            names.add(Likelihood.NOISE_SITE);
        }
        for (String name : names) {
            Tensor t = all.get(name);
            if (t == null) {
                throw new IllegalStateException(
                        "the posterior has no draws of site '"
                                + name
                                + "'; sites: "
                                + all.keySet());
            }
            out.put(name, t);
        }
        return out;
    }

    private static Tensor site(Map<String, Tensor> sites, String name) {
        Tensor t = sites.get(name);
        if (t == null) {
            throw new IllegalStateException(
                    "the posterior predictive has no site '"
                            + name
                            + "'; sites: "
                            + sites.keySet());
        }
        return t;
    }

    private static double[][] rows(Map<String, Tensor> sites, String name) {
        Tensor t = site(sites, name);
        int s = t.dim(0);
        int n = t.size() / s;
        double[] flat = t.toDoubleArray();
        double[][] out = new double[s][n];
        for (int a = 0; a < s; a++) {
            System.arraycopy(flat, a * n, out[a], 0, n);
        }
        return out;
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Draws weight sets from the posterior: the form in which a fit is saved and reloaded.
     *
     * @param key the random key
     * @param n the number of weight sets
     * @return the predictor over {@code n} posterior draws of the weights
     */
    public WeightSamples toWeightSamples(RandomKey key, int n) {
        Map<String, Tensor> draws;
        try (var off = Autodiff.noGrad()) {
            draws = posterior.sample(key, n);
        }
        java.util.List<Map<String, Tensor>> sets = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Tensor> w = new java.util.LinkedHashMap<>();
            for (String site : model.weightShapes().keySet()) {
                Tensor t = draws.get(site);
                if (t == null) {
                    throw new IllegalStateException(
                            "the posterior has no draws of weight site '"
                                    + site
                                    + "'; sites: "
                                    + draws.keySet());
                }
                w.put(site, t.get(i));
            }
            sets.add(w);
        }
        double[] noise = new double[0];
        if (model.likelihood().hasNoiseSite()) {
            noise = draws.get(Likelihood.NOISE_SITE).toDoubleArray();
        }
        return new WeightSamples(
                model.network(),
                model.likelihood(),
                sets,
                noise,
                0,
                description + ", " + n + " draws");
    }
}
