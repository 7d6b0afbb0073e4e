package dev.credence.inference.vi;

/**
 * The outcome of one step of {@link Svi}.
 *
 * @param state the state after the step (the state before it when the step was refused)
 * @param elbo the ELBO estimate at the params before the step
 * @param logLikelihood its expected log-likelihood part
 * @param kl its KL part
 * @param problem null for a good step; else why it was refused (a non-finite ELBO or gradient)
 */
public record SviStep(
        SviState state, double elbo, double logLikelihood, double kl, String problem) {

    /**
     * Tells whether the step was taken.
     *
     * @return true when the ELBO and all gradients were finite
     */
    public boolean ok() {
        return problem == null;
    }
}
