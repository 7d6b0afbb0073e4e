package dev.credence.inference.vi;

/**
 * Stochastic variational inference met a non-finite ELBO or gradient and stopped. The message names
 * the step and the last finite ELBO; {@link #lastGoodState()} holds the params and optimizer state
 * from before the failing step, so the work done so far is not lost.
 *
 * <p>It is an {@link ArithmeticException}, the JDK's type for a failed computation, so callers that
 * see only the API (the command line reports it with its "numerical failure" exit code) can tell it
 * from a bad argument without depending on this module.
 */
public final class SviDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** The state before the failing step; not serialised (tensors are not). */
    private final transient SviState lastGood;

    /** The failing step. */
    private final long step;

    /** The last finite ELBO estimate. */
    private final double lastFiniteElbo;

    /**
     * Creates the exception.
     *
     * @param step the failing step (0-based)
     * @param problem what was not finite
     * @param lastFiniteElbo the last finite ELBO estimate, NaN if there was none
     * @param lastGood the state before the failing step
     */
    public SviDivergedException(
            long step, String problem, double lastFiniteElbo, SviState lastGood) {
        super(
                "SVI stopped at step "
                        + step
                        + ": "
                        + problem
                        + (Double.isNaN(lastFiniteElbo)
                                ? "; no earlier step had a finite ELBO"
                                : "; the last finite ELBO was " + lastFiniteElbo)
                        + ". The params are kept at their values before this step"
                        + " (lastGoodState()). Try a smaller learning rate, gradient clipping"
                        + " (optimizer clipped-adam), a smaller initial guide scale, or check"
                        + " the model for log-densities that can overflow");
        this.step = step;
        this.lastFiniteElbo = lastFiniteElbo;
        this.lastGood = lastGood;
    }

    /**
     * Returns the failing step.
     *
     * @return the 0-based step index
     */
    public long step() {
        return step;
    }

    /**
     * Returns the last finite ELBO estimate.
     *
     * @return the value, or NaN if none was finite
     */
    public double lastFiniteElbo() {
        return lastFiniteElbo;
    }

    /**
     * Returns the state before the failing step.
     *
     * @return the last good state
     */
    public SviState lastGoodState() {
        return lastGood;
    }
}
