package dev.credence.backend.jvm;

import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Sum and max over axes. Sums accumulate in double, also for FLOAT32. The input is walked once in
 * row-major order; each element lands in its output cell through strides that are 0 along the
 * reduced axes.
 */
final class Reductions {
    private Reductions() {}

    static JvmBuffer reduce(Primitive op, JvmBuffer x, int[] axes, boolean keepDims) {
        Shape keep = x.shape.reduce(axes, true);
        Shape out = keepDims ? keep : x.shape.reduce(axes, false);
        int m = out.size();
        double[] acc = new double[m];
        boolean isMax = op == Primitive.MAX;
        if (isMax) {
            java.util.Arrays.fill(acc, Double.NEGATIVE_INFINITY);
        }
        int n = x.shape.size();
        int rank = x.shape.rank();
        if (n > 0 && axes.length == rank) {
            acc[0] = whole(x, isMax);
        } else if (n > 0 && axes.length > 0) {
            int[] so = keep.strides();
            for (int a : axes) {
                so[a] = 0;
            }
            int[] dims = x.shape.dims();
            int inner = dims[rank - 1];
            int si = so[rank - 1];
            int[] idx = new int[rank];
            int base = 0;
            for (int k = 0; k < n; k += inner) {
                if (si == 0) {
                    double v = acc[base];
                    for (int j = 0; j < inner; j++) {
                        v = combine(isMax, v, x.get(k + j));
                    }
                    acc[base] = v;
                } else {
                    for (int j = 0; j < inner; j++) {
                        acc[base + j] = combine(isMax, acc[base + j], x.get(k + j));
                    }
                }
                for (int ax = rank - 2; ax >= 0; ax--) {
                    idx[ax]++;
                    base += so[ax];
                    if (idx[ax] < dims[ax]) {
                        break;
                    }
                    base -= so[ax] * dims[ax];
                    idx[ax] = 0;
                }
            }
        } else if (axes.length == 0) {
            for (int k = 0; k < n; k++) {
                acc[k] = x.get(k);
            }
        }
        if (x.d != null) {
            return JvmBuffer.ofD(out, acc);
        }
        float[] f = new float[m];
        for (int k = 0; k < m; k++) {
            f[k] = (float) acc[k];
        }
        return JvmBuffer.ofF(out, f);
    }

    private static double whole(JvmBuffer x, boolean isMax) {
        int n = x.shape.size();
        if (isMax) {
            double v = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                v = combine(true, v, x.get(k));
            }
            return v;
        }
        if (x.d != null) {
            // FLOAT64 sums run in index order: the host compiler (module compiler) reproduces this
            // order bit for bit in the potentials it compiles for NUTS.
            double[] d = x.d;
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += d[k];
            }
            return s;
        }
        // FLOAT32 keeps four running sums in double, so that each addition does not wait for the
        // one before (a weight gradient's sum, taken every training step, ran at a nanosecond an
        // element). No compiled program reads FLOAT32, so the order is this kernel's own.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        float[] f = x.f;
        for (; k + 4 <= n; k += 4) {
            s0 += f[k];
            s1 += f[k + 1];
            s2 += f[k + 2];
            s3 += f[k + 3];
        }
        for (; k < n; k++) {
            s0 += f[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double combine(boolean isMax, double acc, double v) {
        if (!isMax) {
            return acc + v;
        }
        return (v > acc || v != v) ? v : acc;
    }
}
