package dev.credence.models.bnn;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.dist.Categorical;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Normal;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.predict.PredictiveDraws;
import dev.credence.models.bnn.predict.Predictor;
import dev.credence.models.bnn.predict.RegressionDraws;
import java.util.List;
import java.util.Map;

/**
 * A predictor given by explicit weight sets: the form every fitted network can be saved in and the
 * natural one for the baselines.
 *
 * <ul>
 *   <li>A MAP network is one set: one draw, no epistemic uncertainty.
 *   <li>A deep ensemble's members are the sets; the predictive is their equal mixture.
 *   <li>MC dropout is one set with a dropout rate: each requested draw runs the network with fresh
 *       dropout masks.
 *   <li>A Bayesian posterior is saved as a few hundred of its weight draws.
 * </ul>
 *
 * @param network the network
 * @param likelihood the likelihood on its outputs
 * @param weights the weight sets, each a map by weight name
 * @param noise the homoscedastic noise scale of each set (empty for other likelihoods)
 * @param dropout the MC-dropout rate, 0 for deterministic sets
 * @param description how the sets were obtained
 */
public record WeightSamples(
        Network network,
        Likelihood likelihood,
        List<Map<String, Tensor>> weights,
        double[] noise,
        double dropout,
        String description)
        implements Predictor {

    /**
     * Validates and copies.
     *
     * @param network the network
     * @param likelihood the likelihood
     * @param weights at least one weight set
     * @param noise one noise scale per set for a homoscedastic likelihood, else empty
     * @param dropout the MC-dropout rate in [0, 1)
     * @param description the description
     */
    public WeightSamples {
        weights = List.copyOf(weights);
        noise = noise.clone();
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("WeightSamples: needs at least one weight set");
        }
        boolean homo = likelihood.hasNoiseSite();
        if (homo && noise.length != weights.size()) {
            throw new IllegalArgumentException(
                    "WeightSamples: a homoscedastic likelihood needs one noise scale per weight set,"
                            + " found "
                            + noise.length
                            + " for "
                            + weights.size());
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(
                    "WeightSamples: dropout must be in [0, 1), found " + dropout);
        }
    }

    /**
     * Returns the noise scales.
     *
     * @return a copy
     */
    @Override
    public double[] noise() {
        return noise.clone();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Without dropout the result has one draw per weight set whatever {@code draws} asks; with
     * dropout, {@code draws} passes cycling through the sets.
     */
    @Override
    public PredictiveDraws predict(Tensor x, RandomKey key, int draws) {
        int s = dropout > 0 ? Math.max(1, draws) : weights.size();
        double[][] mean = new double[s][];
        double[][] sd = new double[s][];
        double[][][] probs = new double[s][][];
        try (var off = Autodiff.noGrad()) {
            for (int k = 0; k < s; k++) {
                int set = k % weights.size();
                Tensor out =
                        network.forward(
                                weights.get(set), x, dropout, dropout > 0 ? key.fold(k) : null);
                Tensor n = noise.length == 0 ? null : x.scalarLike(noise[set]);
                Distribution d = likelihood.distribution(out, n);
                if (d instanceof Normal normal) {
                    int rows = x.dim(0);
                    mean[k] = normal.loc().toDoubleArray();
                    sd[k] = normal.scale().broadcastTo(rows).toDoubleArray();
                } else {
                    probs[k] = rows(((Categorical) d).probs());
                }
            }
        }
        return likelihood.isRegression()
                ? new RegressionDraws(mean, sd)
                : new ClassificationDraws(probs);
    }

    private static double[][] rows(Tensor p) {
        int n = p.dim(0);
        int k = p.dim(1);
        double[] flat = p.toDoubleArray();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }

    @Override
    public String describe() {
        return description;
    }
}
