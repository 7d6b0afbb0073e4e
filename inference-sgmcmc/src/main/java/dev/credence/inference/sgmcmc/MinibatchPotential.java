package dev.credence.inference.sgmcmc;

import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Potential;
import dev.credence.api.model.Site;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's unconstrained {@link Potential} seen as a {@link StochasticGradient}: each evaluation
 * runs the model with a fresh key, so its subsampling plates draw a new minibatch and scale its
 * log-likelihood by {@code N / B}. The estimate is unbiased for the full-data log density, which is
 * what Welling and Teh (2011) require of the gradient in SGLD. A model without subsampling gives
 * the exact gradient (full-batch Langevin or Hamiltonian dynamics).
 *
 * <p>Tensors created by an evaluation are released when it returns.
 */
public final class MinibatchPotential implements StochasticGradient {
    private final Model model;
    private final Potential potential;
    private final long stepsPerEpoch;

    private MinibatchPotential(Model model, Potential potential, long stepsPerEpoch) {
        this.model = model;
        this.potential = potential;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /**
     * Builds the potential of a model.
     *
     * @param model the model, with its data and plates
     * @param key the key of the run that finds its latent sites and plates
     * @return the stochastic gradient
     * @throws IllegalArgumentException if the model has no continuous latent sites
     */
    public static MinibatchPotential of(Model model, RandomKey key) {
        Potential p = Potential.of(model, key);
        long epoch = Handlers.trace(Handlers.seed(model, key)).stepsPerEpoch();
        return new MinibatchPotential(model, p, epoch);
    }

    /**
     * Returns the potential.
     *
     * @return the model's potential on the unconstrained space
     */
    public Potential potential() {
        return potential;
    }

    /**
     * Returns the number of minibatches in one pass over the data.
     *
     * @return {@code ceil(N / B)} of the model's most subsampled plate, 1 without subsampling
     */
    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public int dimension() {
        return potential.dimension();
    }

    @Override
    public double valueAndGradient(double[] q, double[] grad, RandomKey key) {
        try (TensorScope scope = TensorScope.open()) {
            Tensor flat = Tensor.of(potential.backend(), q, potential.dtype(), q.length);
            Potential.ValueAndGradient r = potential.valueAndGradient(flat, key);
            double[] g = r.gradient().toDoubleArray();
            System.arraycopy(g, 0, grad, 0, g.length);
            return r.value();
        }
    }

    /**
     * Draws a starting point: the latent values of one run of the model (a draw from the prior),
     * mapped to the unconstrained space.
     *
     * @param key the key of the prior draw
     * @return a point of {@link #dimension()} coordinates
     */
    public double[] priorPoint(RandomKey key) {
        try (TensorScope scope = TensorScope.open()) {
            Trace t = Handlers.trace(Handlers.seed(model, key));
            Map<String, Tensor> values = new LinkedHashMap<>();
            for (Site s : t.latentSites()) {
                values.put(s.name(), s.value().detach());
            }
            return potential.unconstrain(values).toDoubleArray();
        }
    }

    /**
     * Draws a starting point uniformly from {@code (-radius, radius)} in every unconstrained
     * coordinate (Stan's initialisation for radius 2).
     *
     * @param key the key
     * @param radius the half-width, positive
     * @return a point of {@link #dimension()} coordinates
     */
    public double[] uniformPoint(RandomKey key, double radius) {
        double[] u = key.uniformDoubles(dimension());
        for (int i = 0; i < u.length; i++) {
            u[i] = radius * (2 * u[i] - 1);
        }
        return u;
    }

    /**
     * Maps a point to the constrained values of the latent sites (and the deterministic sites
     * outside subsampling plates).
     *
     * @param q a point
     * @param key the key of the run
     * @return values by site name, detached
     */
    public Map<String, Tensor> constrain(double[] q, RandomKey key) {
        Tensor flat = Tensor.of(potential.backend(), q, potential.dtype(), q.length);
        return potential.constrain(flat, key);
    }
}
