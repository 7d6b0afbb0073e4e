package dev.credence.api.tensor;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;

/**
 * How a value that a recorded {@link Program} took from the host is made again for each replay: a
 * random draw, a minibatch's indices, an optimizer's step-dependent rate.
 *
 * <p>A recording treats every tensor it did not compute as a constant, which is right for data and
 * fixed numbers but wrong for a value that changes from one run of the computation to the next.
 * Code that makes such a value registers how to remake it with {@link Recording#feed(Tensor, Feed)}
 * while a recording is active; a replay then calls the feed with the replay's run number instead of
 * reusing the recorded value. The run number is what the caller of {@link Program#run(Backend,
 * Buffer[], long)} passes; stochastic variational inference passes its step number, so a feed that
 * must reproduce step {@code s} of a direct run is asked for {@code run = s}.
 *
 * <pre>{@code
 * long t = state.step() + 1;                      // the step this recording stands for
 * Tensor rate = like.scalarLike(schedule.at(t));
 * Recording.feed(rate, Feed.scalar(rate, t, schedule::at));  // remade for each replayed step
 * }</pre>
 *
 * A feed must make exactly what direct execution at that run would have made: the same shape, dtype
 * and values, bit for bit. Recorded programs are checked against direct execution before they are
 * trusted (see {@code CompiledPotential} and the SVI step compiler), which catches a feed that does
 * not.
 */
@FunctionalInterface
public interface Feed {

    /**
     * Makes the value for one run.
     *
     * @param backend the backend the program runs on
     * @param run the run number passed to {@link Program#run(Backend, Buffer[], long)}
     * @return a new buffer, owned by the program run (released after its last use)
     */
    Buffer make(Backend backend, long run);

    /**
     * A scalar that is a function of a counter moving in step with the run number: at the run being
     * recorded the counter is {@code counterNow}, at run {@code r} it is {@code counterNow + (r -
     * recordedRun)}.
     *
     * @param like the scalar tensor made at the recorded run (gives the dtype)
     * @param counterNow the counter's value at the recorded run
     * @param value the scalar as a function of the counter
     * @return the feed
     */
    static Feed scalar(
            Tensor like, long counterNow, java.util.function.LongToDoubleFunction value) {
        long offset = counterNow - Recording.run();
        var dtype = like.dtype();
        var shape = like.shape();
        return (b, run) -> b.full(value.applyAsDouble(run + offset), shape, dtype);
    }
}
