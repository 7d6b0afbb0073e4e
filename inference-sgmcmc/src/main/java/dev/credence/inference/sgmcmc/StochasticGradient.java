package dev.credence.inference.sgmcmc;

import dev.credence.api.random.RandomKey;

/**
 * An unbiased, noisy estimate of a log density and its gradient on {@code R^d}: what a
 * stochastic-gradient sampler needs. The estimate at a point depends on a random key (which picks
 * the minibatch); {@link MinibatchPotential} adapts a model whose plates subsample data.
 *
 * <p>A non-finite value or gradient is a legitimate answer ("numerically broken here"); the
 * samplers refuse the step and, after several in a row, stop with {@link SgmcmcDivergedException}.
 */
public interface StochasticGradient {

    /**
     * Returns the dimension d.
     *
     * @return the number of unconstrained coordinates
     */
    int dimension();

    /**
     * Estimates the log density and its gradient.
     *
     * @param q the point, length d (not modified)
     * @param grad receives the gradient estimate, length d
     * @param key the key of this estimate (its minibatch)
     * @return the estimate of the log density at q (up to a constant)
     */
    double valueAndGradient(double[] q, double[] grad, RandomKey key);
}
