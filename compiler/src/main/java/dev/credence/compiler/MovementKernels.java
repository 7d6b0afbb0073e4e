package dev.credence.compiler;

import dev.credence.api.backend.DType;
import java.util.Arrays;

/**
 * Kernels of the movement primitives over double slots. A reshape, and a cast that keeps every
 * value (INT32 or BOOL to FLOAT64, BOOL to INT32), copies nothing: its slot is pointed at its
 * input's array. Permutations, broadcasts and slices are one indexed copy through offsets computed
 * at compile time; the others follow the pure-Java backend's loops.
 */
final class MovementKernels {
    private MovementKernels() {}

    /** The result slot shares the input slot's array. */
    record Alias(int x, int y) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            f.s[y] = f.s[x];
        }
    }

    /** {@code y[k] = x[offsets[k]]}. */
    record Take(int x, int y, int[] offsets) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] in = f.s[x];
            double[] out = f.s[y];
            for (int k = 0; k < offsets.length; k++) {
                out[k] = in[offsets[k]];
            }
        }
    }

    /**
     * Copies a contiguous block {@code [from, from + n)} of the input (a slice of leading rows).
     */
    record Block(int x, int y, int from, int n) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            System.arraycopy(f.s[x], from, f.s[y], 0, n);
        }
    }

    /**
     * Joins inputs along an axis: for each of {@code outer} blocks, input {@code i} contributes
     * {@code sizes[i]} contiguous elements.
     */
    record Concat(int[] xs, int[] sizes, int outer, int y) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] out = f.s[y];
            int total = 0;
            for (int s : sizes) {
                total += s;
            }
            int at = 0;
            for (int i = 0; i < xs.length; i++) {
                double[] in = f.s[xs[i]];
                int len = sizes[i];
                for (int o = 0; o < outer; o++) {
                    System.arraycopy(in, o * len, out, o * total + at, len);
                }
                at += len;
            }
        }
    }

    /** Selects slices along an axis by indices, the input seen as {@code [outer, len, inner]}. */
    record Gather(int x, int indices, int y, int outer, int len, int inner, int m)
            implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] in = f.s[x];
            double[] idx = f.s[indices];
            double[] out = f.s[y];
            for (int o = 0; o < outer; o++) {
                for (int t = 0; t < m; t++) {
                    int from = (o * len + index(idx[t], len)) * inner;
                    System.arraycopy(in, from, out, (o * m + t) * inner, inner);
                }
            }
        }
    }

    private static int index(double v, int len) {
        int i = (int) v;
        if (i < 0 || i >= len) {
            throw new IndexOutOfBoundsException(
                    "gather: index " + i + " is outside [0, " + len + ") in a compiled program");
        }
        return i;
    }

    /** The adjoint of {@link Gather}: adds each slice of the source at its index. */
    record ScatterAdd(int indices, int src, int y, int outer, int len, int inner, int m)
            implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] idx = f.s[indices];
            double[] in = f.s[src];
            double[] out = f.s[y];
            Arrays.fill(out, 0, outer * len * inner, 0);
            for (int o = 0; o < outer; o++) {
                for (int t = 0; t < m; t++) {
                    int to = (o * len + index(idx[t], len)) * inner;
                    int from = (o * m + t) * inner;
                    for (int j = 0; j < inner; j++) {
                        out[to + j] += in[from + j];
                    }
                }
            }
        }
    }

    /** One-hot rows of depth {@code depth}; an index outside {@code [0, depth)} gives zeros. */
    record OneHot(int indices, int y, int count, int depth) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] idx = f.s[indices];
            double[] out = f.s[y];
            Arrays.fill(out, 0, count * depth, 0);
            for (int t = 0; t < count; t++) {
                int c = (int) idx[t];
                if (c >= 0 && c < depth) {
                    out[t * depth + c] = 1;
                }
            }
        }
    }

    /** A cast that changes values: to INT32 truncates toward zero (saturating), to BOOL is != 0. */
    record Cast(int x, int y, int n, DType to) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] in = f.s[x];
            double[] out = f.s[y];
            if (to == DType.INT32) {
                for (int k = 0; k < n; k++) {
                    out[k] = (int) in[k];
                }
            } else {
                for (int k = 0; k < n; k++) {
                    out[k] = in[k] != 0 ? 1 : 0;
                }
            }
        }
    }
}
