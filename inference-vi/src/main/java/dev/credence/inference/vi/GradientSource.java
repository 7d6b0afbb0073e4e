package dev.credence.inference.vi;

import dev.credence.api.random.RandomKey;

/**
 * Where the ELBO gradient of each step of {@link Svi#run} comes from. The default source computes
 * it in this process ({@link Svi#gradient}); a distributed one has workers compute the
 * contributions of their data shards at the state's params with the same key and sums them. Either
 * way {@link Svi#run} keeps the params, the optimizer state, the NaN/Inf guard, progress reports
 * and checkpoints.
 */
@FunctionalInterface
public interface GradientSource {

    /**
     * Estimates the ELBO and its gradient at the params of a state.
     *
     * @param state the state before the step
     * @param stepKey the step's key, {@code runKey.fold(state.step())}
     * @return the estimate, with one gradient per param of {@code state.space()}
     */
    ElboGradient estimate(SviState state, RandomKey stepKey);
}
