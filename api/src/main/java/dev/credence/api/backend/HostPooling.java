package dev.credence.api.backend;

/**
 * The reference kernel of {@link Primitive#MAX_POOL2D} and {@link Primitive#AVG_POOL2D} over
 * row-major doubles, for backends to use: the pure-Java backend pools with it, and a backend whose
 * native pooling has other semantics (a maximum that skips NaN, say) copies its operand to the host
 * and calls it. Written once here, like {@link HostLinearAlgebra}, so that every backend agrees.
 */
public final class HostPooling {
    private HostPooling() {}

    /**
     * Pools images {@code [N, C, H, W]}: the maximum of each window (padding cells skipped, NaN if
     * the window holds one) or its mean (padding cells counted as zeros, divisor {@code kh kw}).
     *
     * @param op {@link Primitive#MAX_POOL2D} or {@link Primitive#AVG_POOL2D}
     * @param x the images, row-major
     * @param in their shape {@code [N, C, H, W]}
     * @param a window, stride and padding
     * @param out the result shape {@code [N, C, Ho, Wo]}
     * @return the pooled values, row-major
     */
    public static double[] pool(
            Primitive op, double[] x, Shape in, Attributes.Pool2d a, Shape out) {
        boolean max = op == Primitive.MAX_POOL2D;
        int planes = in.dim(0) * in.dim(1);
        int h = in.dim(2);
        int w = in.dim(3);
        int ho = out.dim(2);
        int wo = out.dim(3);
        double[] r = new double[out.size()];
        double scale = 1.0 / (a.kernelH() * a.kernelW());
        for (int pl = 0; pl < planes; pl++) {
            int src = pl * h * w;
            int dst = pl * ho * wo;
            for (int i = 0; i < ho; i++) {
                int h0 = i * a.strideH() - a.padH();
                int h1 = Math.min(h, h0 + a.kernelH());
                h0 = Math.max(0, h0);
                for (int j = 0; j < wo; j++) {
                    int w0 = j * a.strideW() - a.padW();
                    int w1 = Math.min(w, w0 + a.kernelW());
                    w0 = Math.max(0, w0);
                    r[dst + i * wo + j] =
                            max
                                    ? windowMax(x, src, w, h0, h1, w0, w1)
                                    : scale * windowSum(x, src, w, h0, h1, w0, w1);
                }
            }
        }
        return r;
    }

    private static double windowMax(double[] x, int src, int w, int h0, int h1, int w0, int w1) {
        double acc = Double.NEGATIVE_INFINITY;
        for (int u = h0; u < h1; u++) {
            for (int v = w0; v < w1; v++) {
                double e = x[src + u * w + v];
                if (e != e) {
                    return e;
                }
                if (e > acc) {
                    acc = e;
                }
            }
        }
        return acc;
    }

    private static double windowSum(double[] x, int src, int w, int h0, int h1, int w0, int w1) {
        double acc = 0;
        for (int u = h0; u < h1; u++) {
            for (int v = w0; v < w1; v++) {
                acc += x[src + u * w + v];
            }
        }
        return acc;
    }
}
