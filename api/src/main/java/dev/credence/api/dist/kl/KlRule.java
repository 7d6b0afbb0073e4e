package dev.credence.api.dist.kl;

import dev.credence.api.dist.Distribution;
import dev.credence.api.tensor.Tensor;

/**
 * An analytic Kullback-Leibler divergence {@code KL(p || q) = E_p[log p(X) - log q(X)]} for one
 * pair of distribution types.
 *
 * @param <P> the type of the first argument
 * @param <Q> the type of the second argument
 */
@FunctionalInterface
public interface KlRule<P extends Distribution, Q extends Distribution> {
    /**
     * Computes the divergence.
     *
     * @param p the distribution the expectation is taken under
     * @param q the reference distribution
     * @return one value per batch index (the broadcast of both batch shapes)
     */
    Tensor apply(P p, Q q);
}
