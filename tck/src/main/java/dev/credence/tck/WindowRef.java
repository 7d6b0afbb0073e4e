package dev.credence.tck;

import dev.credence.api.backend.Attributes;

/**
 * The kit's oracle for the sliding-window primitives: direct loops in double precision, written
 * from the definitions on {@link dev.credence.api.backend.Primitive#CONV2D} and the pooling
 * primitives, sharing no code with any backend.
 */
final class WindowRef {
    private WindowRef() {}

    /** {@code floor((n + 2 pad - span) / stride) + 1}, or 0 when the window does not fit. */
    static int extent(int n, int pad, int span, int stride) {
        int room = n + 2 * pad - span;
        return room < 0 ? 0 : room / stride + 1;
    }

    /**
     * The convolution of {@code x [n, c, h, w]} with {@code k [o, c, kh, kw]}.
     *
     * @return {@code [n, o, ho, wo]} in row-major order
     */
    static double[] conv2d(
            double[] x, int[] xs, double[] k, int[] ks, Attributes.Conv2d a, int ho, int wo) {
        int n = xs[0];
        int c = xs[1];
        int h = xs[2];
        int w = xs[3];
        int o = ks[0];
        int kh = ks[2];
        int kw = ks[3];
        double[] y = new double[n * o * ho * wo];
        for (int b = 0; b < n; b++) {
            for (int f = 0; f < o; f++) {
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++) {
                        double s = 0;
                        for (int ch = 0; ch < c; ch++) {
                            for (int p = 0; p < kh; p++) {
                                int r = i * a.strideH() + p * a.dilationH() - a.padH();
                                for (int q = 0; q < kw; q++) {
                                    int col = j * a.strideW() + q * a.dilationW() - a.padW();
                                    if (r >= 0 && r < h && col >= 0 && col < w) {
                                        s +=
                                                x[((b * c + ch) * h + r) * w + col]
                                                        * k[((f * c + ch) * kh + p) * kw + q];
                                    }
                                }
                            }
                        }
                        y[((b * o + f) * ho + i) * wo + j] = s;
                    }
                }
            }
        }
        return y;
    }

    /**
     * Max or average pooling of {@code x [n, c, h, w]}.
     *
     * @return {@code [n, c, ho, wo]} in row-major order
     */
    static double[] pool(double[] x, int[] xs, Attributes.Pool2d a, boolean max, int ho, int wo) {
        int planes = xs[0] * xs[1];
        int h = xs[2];
        int w = xs[3];
        double[] y = new double[planes * ho * wo];
        for (int pl = 0; pl < planes; pl++) {
            for (int i = 0; i < ho; i++) {
                for (int j = 0; j < wo; j++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    boolean nan = false;
                    for (int p = 0; p < a.kernelH(); p++) {
                        for (int q = 0; q < a.kernelW(); q++) {
                            int r = i * a.strideH() + p - a.padH();
                            int col = j * a.strideW() + q - a.padW();
                            if (r < 0 || r >= h || col < 0 || col >= w) {
                                continue;
                            }
                            double v = x[(pl * h + r) * w + col];
                            nan |= Double.isNaN(v);
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    double v = max ? acc : acc / (a.kernelH() * a.kernelW());
                    y[(pl * ho + i) * wo + j] = nan ? Double.NaN : v;
                }
            }
        }
        return y;
    }
}
