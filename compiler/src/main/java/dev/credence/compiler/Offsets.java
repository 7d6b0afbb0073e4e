package dev.credence.compiler;

import dev.credence.api.backend.Shape;

/**
 * Index arithmetic for kernels that move elements: for every element of a result, the offset of the
 * element it reads. Computed once when a program is compiled, so a kernel's loop is a plain indexed
 * copy.
 */
final class Offsets {
    private Offsets() {}

    /** Strides of {@code in} laid over the broadcast shape {@code out}: 0 on size-1 or new axes. */
    static int[] broadcastStrides(Shape in, Shape out) {
        int r = out.rank();
        int[] s = new int[r];
        int[] is = in.strides();
        int off = r - in.rank();
        for (int k = 0; k < in.rank(); k++) {
            s[k + off] = in.dim(k) == 1 ? 0 : is[k];
        }
        return s;
    }

    /** The offset {@code base + sum(index_i * strides_i)} of every element of {@code out}. */
    static int[] of(Shape out, int[] strides, int base) {
        int n = out.size();
        int[] res = new int[n];
        int r = out.rank();
        int[] dims = out.dims();
        int[] idx = new int[r];
        for (int k = 0; k < n; k++) {
            int o = base;
            for (int a = 0; a < r; a++) {
                o += idx[a] * strides[a];
            }
            res[k] = o;
            for (int a = r - 1; a >= 0; a--) {
                if (++idx[a] < dims[a]) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return res;
    }

    /** For every element of {@code out}, the element of {@code in} that broadcasts onto it. */
    static int[] broadcast(Shape in, Shape out) {
        return of(out, broadcastStrides(in, out), 0);
    }
}
