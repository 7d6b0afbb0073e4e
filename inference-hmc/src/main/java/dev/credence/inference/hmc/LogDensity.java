package dev.credence.inference.hmc;

import dev.credence.api.backend.Backend;
import java.util.Optional;

/**
 * A differentiable log density on {@code R^d}: what a Hamiltonian sampler needs of a model. The
 * samplers work on plain arrays; {@link PotentialDensity} adapts a model's unconstrained potential
 * to this interface.
 *
 * <p>A non-finite value (NaN, negative infinity) is a legitimate answer, meaning "outside the
 * support or numerically broken here"; samplers treat it as a divergence, never as an error.
 */
public interface LogDensity {

    /**
     * Returns the dimension d.
     *
     * @return the number of unconstrained coordinates
     */
    int dimension();

    /**
     * Evaluates the log density and its gradient.
     *
     * @param q the point, length d (not modified)
     * @param grad receives the gradient, length d
     * @return the log density at q (up to a constant)
     */
    double logDensity(double[] q, double[] grad);

    /**
     * Returns the backend whose tensors this density evaluates, if any. A dense metric factorises
     * its mass matrix there ({@code LinearAlgebra.checkedCholesky}); a density computed on the host
     * alone has none and can only use a diagonal metric.
     *
     * @return the backend, or empty
     */
    default Optional<Backend> backend() {
        return Optional.empty();
    }
}
