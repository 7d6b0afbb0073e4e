package dev.credence.inference.vi;

import dev.credence.api.tensor.Tensor;

/**
 * One Monte Carlo estimate of an evidence lower bound and its two parts.
 *
 * <p>{@code elbo} is differentiable with respect to the parameters of the model and the guide: its
 * gradient is an unbiased estimate of the bound's gradient (through reparameterised draws, plus a
 * score-function term for guide sites that cannot be reparameterised). Its value is the estimate
 * itself. The parts are detached numbers for reporting:
 *
 * <pre>
 * elbo = logLikelihood - kl,
 * logLikelihood = E_q[ log p(x | z) ]            (observed sites, scaled by N / B in subsampled plates)
 * kl            = E_q[ log q(z) - log p(z) ]     (latent sites; analytic where a KL rule applies)
 * </pre>
 *
 * @param elbo the estimate, a scalar that carries gradients
 * @param logLikelihood the expected log-likelihood part, a detached scalar
 * @param kl the divergence part, a detached scalar, so that {@code elbo = logLikelihood - kl}
 */
public record ElboEstimate(Tensor elbo, Tensor logLikelihood, Tensor kl) {

    /**
     * Returns the loss an optimizer minimises.
     *
     * @return {@code -elbo}, carrying gradients
     */
    public Tensor loss() {
        return elbo.neg();
    }

    /**
     * Returns the value of the estimate.
     *
     * @return the ELBO as a number
     */
    public double value() {
        return elbo.item();
    }
}
