package dev.credence.api.infer;

import java.io.IOException;

/**
 * Work done at the checkpoints of a long iterative run, while it runs: evaluating the posterior so
 * far on held-out data, writing a model file, closing an epoch's log line. An algorithm that takes
 * one calls it every {@code checkpoint-every} steps, after saving its state to its {@link
 * StateStore} (when it has one), and continues when the call returns. That is what a training loop
 * with an end-of-epoch callback does, without stopping and restarting the run between epochs (which
 * would discover its parameters, read its state back and warm up again).
 *
 * <pre>{@code
 * CheckpointHook hook = (step, post) -> log.write(step, testLoss(post.params()));
 * InferenceConfig c = InferenceConfig.of(key)
 *         .with("epochs", 20).with("checkpoint-every", stepsPerEpoch).with("on-checkpoint", hook);
 * }</pre>
 *
 * <p>The posterior is the run's own at that step, built as the run would build its result, and
 * stays usable after the call: the run makes new tensors for its later steps and leaves these to
 * the caller.
 */
@FunctionalInterface
public interface CheckpointHook {

    /**
     * Called at a checkpoint.
     *
     * @param step the steps taken so far
     * @param posterior the posterior after {@code step} steps
     * @throws IOException if the hook's own writing fails; the run stops and reports it
     */
    void reached(long step, Posterior posterior) throws IOException;
}
