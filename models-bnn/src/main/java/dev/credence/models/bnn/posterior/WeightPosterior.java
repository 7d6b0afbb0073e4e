package dev.credence.models.bnn.posterior;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Likelihood;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Posterior} over a network's weights that generates its draws (SWAG, MultiSWAG, Laplace
 * approximations): subclasses draw flat weight vectors; this class names them with a {@link
 * WeightLayout}, adds the homoscedastic noise scale as a fixed site when the likelihood has one,
 * and derives {@link #draws} (one chain of independent draws) and {@link #summary}.
 *
 * <p>Its sites are the {@code BnnModel}'s latent sites, so a {@code PosteriorPredictor} predicts
 * with it like with any other posterior.
 */
public abstract class WeightPosterior implements Posterior {
    /** The number of draws behind {@link #summary()}. */
    public static final int SUMMARY_DRAWS = 200;

    private final WeightLayout layout;
    private final Backend backend;
    private final DType dtype;
    private final double noise;

    /**
     * Sets up the naming of draws.
     *
     * @param layout the weights' layout
     * @param backend the backend of the draws
     * @param dtype the dtype of the draws
     * @param noise the homoscedastic noise scale, or NaN if the likelihood has none
     */
    protected WeightPosterior(WeightLayout layout, Backend backend, DType dtype, double noise) {
        this.layout = layout;
        this.backend = backend;
        this.dtype = dtype;
        this.noise = noise;
    }

    /**
     * Draws flat weight vectors.
     *
     * @param key the random key
     * @param n the number of draws
     * @return {@code n} vectors of {@link WeightLayout#size()}
     */
    protected abstract double[][] sampleFlat(RandomKey key, int n);

    /** {@return the weights' layout} */
    public WeightLayout layout() {
        return layout;
    }

    /** {@return the backend of the draws} */
    public Backend backend() {
        return backend;
    }

    /** {@return the dtype of the draws} */
    public DType dtype() {
        return dtype;
    }

    /** {@return the homoscedastic noise scale, or NaN if the likelihood has none} */
    public double noise() {
        return noise;
    }

    @Override
    public Map<String, Tensor> sample(RandomKey key, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("posterior: needs at least one draw, found " + n);
        }
        Map<String, Tensor> out =
                new LinkedHashMap<>(layout.unflatten(sampleFlat(key, n), backend, dtype));
        if (!Double.isNaN(noise)) {
            out.put(Likelihood.NOISE_SITE, Tensor.full(backend, noise, dtype, n));
        }
        return out;
    }

    @Override
    public Draws draws(RandomKey key, int n) {
        return Draws.ofSamples(sample(key, n), n);
    }

    @Override
    public List<ParameterSummary> summary() {
        return draws(RandomKey.of(0), SUMMARY_DRAWS).summary();
    }
}
