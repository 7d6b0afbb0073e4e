package dev.credence.api.tensor;

/**
 * Per-thread switch that says whether operations are recorded on the tape.
 *
 * <p>Recording is on by default; {@link Tape#setRecording} (through {@code Autodiff.noGrad()})
 * turns it off for a block. Only operations with at least one tracked input are recorded, so code
 * that never asks for gradients pays one field check per operation.
 */
final class GradMode {
    private static final ThreadLocal<boolean[]> OFF = ThreadLocal.withInitial(() -> new boolean[1]);

    private GradMode() {}

    static boolean isRecording() {
        return !OFF.get()[0];
    }

    /** Sets recording and returns the previous value. */
    static boolean setRecording(boolean on) {
        boolean[] flag = OFF.get();
        boolean before = !flag[0];
        flag[0] = !on;
        return before;
    }
}
