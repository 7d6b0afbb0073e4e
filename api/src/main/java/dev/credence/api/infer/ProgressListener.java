package dev.credence.api.infer;

/**
 * Receives progress from a running inference. Calls may come from several threads at once (one per
 * chain); implementations must be thread-safe and quick.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {};

    /**
     * One MCMC chain's progress.
     *
     * @param chain the chain index
     * @param iteration iterations done, warm-up included
     * @param total iterations planned, warm-up included
     * @param warmup true during warm-up
     * @param stepSize the current step size
     * @param divergences divergent transitions so far (after warm-up)
     */
    record Mcmc(
            int chain,
            int iteration,
            int total,
            boolean warmup,
            double stepSize,
            int divergences) {}

    /**
     * Variational inference progress.
     *
     * @param step optimisation steps done
     * @param total steps planned
     * @param elbo the current ELBO estimate
     * @param logLikelihood its expected log-likelihood part
     * @param kl its KL (or log q - log prior) part
     * @param stepsPerSecond throughput
     */
    record Svi(
            long step,
            long total,
            double elbo,
            double logLikelihood,
            double kl,
            double stepsPerSecond) {}

    /**
     * Called as an MCMC chain advances.
     *
     * @param p the progress
     */
    default void onMcmc(Mcmc p) {}

    /**
     * Called as variational inference advances.
     *
     * @param p the progress
     */
    default void onSvi(Svi p) {}
}
