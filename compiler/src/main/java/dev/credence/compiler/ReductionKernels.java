package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Shape;
import java.util.Arrays;

/**
 * Kernels of the reductions ({@code sum}, {@code max}) and scans ({@code cumsum}, {@code cumprod})
 * over double slots. They visit elements in the pure-Java backend's order (row-major input order;
 * along the axis, in scan order), so sums round the same way.
 */
final class ReductionKernels {
    private ReductionKernels() {}

    static Kernel reduce(boolean isMax, int x, Shape in, int[] axes, int y, Shape out) {
        int n = in.size();
        if (axes.length == 0) {
            return new MovementKernels.Alias(x, y);
        }
        if (axes.length == in.rank()) {
            return new Whole(isMax, x, y, n);
        }
        // The output cell of every input element: strides of the kept shape, 0 on reduced axes.
        Shape keep = in.reduce(axes, true);
        int[] so = keep.strides();
        for (int a : axes) {
            so[a] = 0;
        }
        return new Partial(isMax, x, y, out.size(), Offsets.of(in, so, 0));
    }

    static double combine(boolean isMax, double acc, double v) {
        if (!isMax) {
            return acc + v;
        }
        return (v > acc || v != v) ? v : acc;
    }

    /** A sum or maximum over every axis. */
    record Whole(boolean isMax, int x, int y, int n) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] in = f.s[x];
            double acc;
            if (isMax) {
                acc = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    acc = combine(true, acc, in[k]);
                }
            } else {
                acc = 0;
                for (int k = 0; k < n; k++) {
                    acc += in[k];
                }
            }
            f.s[y][0] = acc;
        }
    }

    /** A sum or maximum over some axes: element {@code k} accumulates into cell {@code cell[k]}. */
    record Partial(boolean isMax, int x, int y, int m, int[] cell) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] in = f.s[x];
            double[] acc = f.s[y];
            Arrays.fill(acc, 0, m, isMax ? Double.NEGATIVE_INFINITY : 0);
            if (isMax) {
                for (int k = 0; k < cell.length; k++) {
                    acc[cell[k]] = combine(true, acc[cell[k]], in[k]);
                }
            } else {
                for (int k = 0; k < cell.length; k++) {
                    acc[cell[k]] += in[k];
                }
            }
        }
    }

    static Kernel scan(boolean product, int x, Shape in, Attributes.Scan s, int y) {
        int[] dims = in.dims();
        int len = dims[s.axis()];
        int inner = 1;
        for (int i = s.axis() + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int outer = len * inner == 0 ? 0 : in.size() / (len * inner);
        return new CumulativeScan(product, s.exclusive(), s.reverse(), x, y, outer, len, inner);
    }

    /**
     * A cumulative sum or product along one axis, the input seen as {@code [outer, len, inner]}.
     */
    record CumulativeScan(
            boolean product,
            boolean exclusive,
            boolean reverse,
            int x,
            int y,
            int outer,
            int len,
            int inner)
            implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] in = f.s[x];
            double[] out = f.s[y];
            double[] acc = new double[inner];
            for (int o = 0; o < outer; o++) {
                Arrays.fill(acc, product ? 1 : 0);
                int base = o * len * inner;
                for (int step = 0; step < len; step++) {
                    int row = base + (reverse ? len - 1 - step : step) * inner;
                    for (int j = 0; j < inner; j++) {
                        double v = in[row + j];
                        if (exclusive) {
                            out[row + j] = acc[j];
                        }
                        acc[j] = product ? acc[j] * v : acc[j] + v;
                        if (!exclusive) {
                            out[row + j] = acc[j];
                        }
                    }
                }
            }
        }
    }
}
