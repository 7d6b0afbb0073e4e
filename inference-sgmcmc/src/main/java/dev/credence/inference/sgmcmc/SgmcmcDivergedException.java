package dev.credence.inference.sgmcmc;

/**
 * A stochastic-gradient chain met a non-finite log density or gradient at {@value
 * SgmcmcChain#MAX_REFUSED} steps in a row: the step size is too large for the model (or the model
 * is numerically broken where the chain went). An {@link ArithmeticException}, so that the command
 * line reports it as a numerical failure.
 */
public final class SgmcmcDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param chain the chain
     * @param step the step at which it gave up
     * @param stepSize the step size there
     */
    public SgmcmcDivergedException(int chain, long step, double stepSize) {
        super(
                "SG-MCMC chain "
                        + chain
                        + " diverged at step "
                        + step
                        + ": the log density or its gradient was not finite at "
                        + SgmcmcChain.MAX_REFUSED
                        + " steps in a row (step size "
                        + stepSize
                        + "); lower option 'step-size'");
    }
}
