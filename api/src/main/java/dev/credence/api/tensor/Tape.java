package dev.credence.api.tensor;

import java.util.List;

/**
 * The autodiff tape underneath {@link Tensor}: the switch that turns recording on and off, the
 * making of variables and the backward pass. {@code dev.credence.api.autodiff.Autodiff} is the
 * user-facing entry point and delegates here; call these methods directly only to write a
 * differentiation driver of your own.
 *
 * <p>The tape lives in this package, beside {@code Tensor}, because every primitive that {@link
 * Tensor} applies must decide whether to record a node: keeping node, recording switch and gradient
 * rules here lets {@code autodiff} depend on {@code tensor} without {@code tensor} depending back
 * on it.
 */
public final class Tape {
    private Tape() {}

    /**
     * Tells whether operations on tracked tensors are being recorded on this thread.
     *
     * @return true unless recording was switched off
     */
    public static boolean isRecording() {
        return GradMode.isRecording();
    }

    /**
     * Switches recording on or off for this thread.
     *
     * @param on whether to record
     * @return the previous setting, to restore afterwards
     */
    public static boolean setRecording(boolean on) {
        return GradMode.setRecording(on);
    }

    /**
     * Makes a variable: a tracked alias of {@code x} whose gradient the next backward pass
     * collects. If {@code x} is itself tracked, the variable stays connected to it.
     *
     * @param x a floating tensor
     * @return the variable, sharing {@code x}'s buffer
     */
    public static Tensor variable(Tensor x) {
        if (!x.dtype().isFloating()) {
            throw new IllegalArgumentException(
                    "autodiff: can only differentiate with respect to FLOAT32 or FLOAT64 tensors,"
                            + " found "
                            + x.dtype());
        }
        return x.withNode(TapeNode.variable(x));
    }

    /**
     * Back-propagates {@code seed} from {@code y} to the given variables.
     *
     * @param y the output
     * @param seed its cotangent, shaped like {@code y}
     * @param vars variables made by {@link #variable(Tensor)}
     * @param createGraph whether to record the backward pass, so its results can be differentiated
     *     again
     * @return one cotangent per variable (zeros where {@code y} does not depend on it)
     */
    public static List<Tensor> backward(
            Tensor y, Tensor seed, List<Tensor> vars, boolean createGraph) {
        return Backprop.run(y, seed, vars, createGraph);
    }
}
