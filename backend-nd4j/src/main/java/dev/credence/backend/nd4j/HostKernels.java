package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exact host-side recomputations for the rare inputs where a libnd4j kernel's edge-case semantics
 * differ from {@link Math}. They run only after a {@link Scan} found such an input, read and write
 * native memory in bulk, and compute FLOAT32 in double with one rounding, like the reference.
 */
final class HostKernels {
    private HostKernels() {}

    /** Recomputes {@code r = pow(a, b)} with broadcasting and {@link Math#pow}. */
    static void pow(Allocator mem, Nd4jBuffer a, Nd4jBuffer b, Nd4jBuffer r) {
        Shape out = r.shape;
        int n = out.size();
        INDArray fa = Broadcast.to(mem, a, out);
        INDArray fb = Broadcast.to(mem, b, out);
        if (r.dtype == DType.FLOAT64) {
            double[] x = HostIo.readDoubles(fa, n);
            double[] y = HostIo.readDoubles(fb, n);
            for (int k = 0; k < n; k++) {
                x[k] = Math.pow(x[k], y[k]);
            }
            HostIo.write(r.array, x, n);
        } else {
            float[] x = HostIo.readFloats(fa, n);
            float[] y = HostIo.readFloats(fb, n);
            for (int k = 0; k < n; k++) {
                x[k] = (float) Math.pow(x[k], y[k]);
            }
            HostIo.write(r.array, x, n);
        }
        Broadcast.done(mem, a, out, fa);
        Broadcast.done(mem, b, out, fb);
    }

    /**
     * Recomputes a maximum over axes in which NaN propagates, writing into {@code r} (whose shape
     * is the reduced shape, with or without kept dimensions).
     */
    static void max(Nd4jBuffer x, int[] axes, Nd4jBuffer r) {
        Shape keep = x.shape.reduce(axes, true);
        int m = keep.size();
        double[] acc = new double[m];
        java.util.Arrays.fill(acc, Double.NEGATIVE_INFINITY);
        double[] v = Transfer.toDoubles(x);
        int[] so = keep.strides();
        for (int axis : axes) {
            so[axis] = 0;
        }
        int[] dims = x.shape.dims();
        int[] idx = new int[dims.length];
        int at = 0;
        for (int k = 0; k < v.length; k++) {
            double e = v[k];
            if (e > acc[at] || e != e) {
                acc[at] = e;
            }
            for (int ax = dims.length - 1; ax >= 0; ax--) {
                idx[ax]++;
                at += so[ax];
                if (idx[ax] < dims[ax]) {
                    break;
                }
                at -= so[ax] * dims[ax];
                idx[ax] = 0;
            }
        }
        if (r.dtype == DType.FLOAT64) {
            HostIo.write(r.array, acc, m);
        } else {
            float[] f = new float[m];
            for (int k = 0; k < m; k++) {
                f[k] = (float) acc[k];
            }
            HostIo.write(r.array, f, m);
        }
    }
}
