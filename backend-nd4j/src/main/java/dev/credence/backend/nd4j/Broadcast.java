package dev.credence.backend.nd4j;

import dev.credence.api.backend.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Broadcasting a buffer's elements to a larger shape, with NumPy's rules. */
final class Broadcast {
    private Broadcast() {}

    /**
     * Returns {@code x} if it already has shape {@code out}, otherwise a new scratch array (from
     * {@code mem.temp}) holding {@code x} broadcast to {@code out}; give the latter back with
     * {@link #done}.
     */
    static INDArray to(Allocator mem, Nd4jBuffer x, Shape out) {
        if (x.shape.equals(out)) {
            return x.array;
        }
        INDArray r = mem.temp(x.dtype, out);
        into(x, out, r);
        return r;
    }

    /** Gives back an array from {@link #to} unless it is the buffer's own. */
    static void done(Allocator mem, Nd4jBuffer x, Shape out, INDArray a) {
        if (a != x.array) {
            mem.free(a, x.dtype, out);
        }
    }

    /** Writes {@code x} broadcast to {@code out} into {@code r}, which has shape {@code out}. */
    static void into(Nd4jBuffer x, Shape out, INDArray r) {
        if (out.size() == 0) {
            return;
        }
        int rank = out.rank();
        int[] src = x.shape.dims();
        long[] padded = new long[rank];
        long[] reps = new long[rank];
        int lead = rank - src.length;
        for (int i = 0; i < rank; i++) {
            padded[i] = i < lead ? 1 : src[i - lead];
            reps[i] = out.dim(i) / padded[i];
        }
        INDArray view = src.length == rank ? x.array : x.array.reshape('c', padded);
        if (rank == 0) {
            r.assign(view);
            return;
        }
        Exec.runI("tile", reps, r, view);
    }
}
