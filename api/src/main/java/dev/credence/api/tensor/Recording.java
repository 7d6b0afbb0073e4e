package dev.credence.api.tensor;

import java.util.List;

/**
 * What code running inside {@link Program#record} may ask of the recording: whether one is active,
 * which run it stands for, and which host-made values ({@link Feed}s) are remade for every replay
 * instead of being constants. Every method is safe to call with no recording active, so code that
 * makes per-run values (random draws, minibatch indices, optimiser rates) calls them
 * unconditionally.
 */
public final class Recording {
    private Recording() {}

    /**
     * Tells whether a recording is active on this thread.
     *
     * @return true inside {@link Program#record}
     */
    public static boolean isActive() {
        return Recorder.current() != null;
    }

    /**
     * Returns the run number of the recording active on this thread.
     *
     * @return the run passed to {@link Program#record(List, long, java.util.function.Function)}
     * @throws IllegalStateException if no recording is active
     */
    public static long run() {
        Recorder r = Recorder.current();
        if (r == null) {
            throw new IllegalStateException("no Program is being recorded on this thread");
        }
        return r.run();
    }

    /**
     * Declares that a tensor made on the host is remade by {@code feed} for every replay, rather
     * than being a constant of the recording. Does nothing when no recording is active, so code
     * that makes per-run values can call it unconditionally.
     *
     * @param t a tensor made on the host (not computed by a primitive), before its first use
     * @param feed how to remake it
     * @return {@code t}
     */
    public static Tensor feed(Tensor t, Feed feed) {
        Recorder r = Recorder.current();
        if (r != null) {
            r.feed(t, feed);
        }
        return t;
    }

    /**
     * Declares that the INT32 tensor made next from values equal to {@code values} (by {@link
     * Tensor#ofInts}) during this recording is remade by {@code feed}: for host-made indices, such
     * as a minibatch, that reach a tensor through code that does not know the recording. Does
     * nothing when no recording is active.
     *
     * @param values the host values
     * @param feed how to remake them as a buffer
     */
    public static void feedInts(int[] values, Feed feed) {
        Recorder r = Recorder.current();
        if (r != null) {
            r.feedInts(values, feed);
        }
    }
}
