package dev.credence.backend.jvm;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Max and average pooling over windows of the last two axes, one plane at a time. Max pooling skips
 * padding cells (they never win) and returns NaN for a window holding a NaN; average pooling counts
 * padding cells as zeros and always divides by the window's size.
 */
final class Pooling {
    private Pooling() {}

    static JvmBuffer apply(Primitive op, JvmBuffer x, Attributes.Pool2d a, Shape out) {
        boolean max = op == Primitive.MAX_POOL2D;
        int planes = x.shape.dim(0) * x.shape.dim(1);
        int h = x.shape.dim(2);
        int w = x.shape.dim(3);
        int ho = out.dim(2);
        int wo = out.dim(3);
        JvmBuffer r = JvmBuffer.alloc(out, x.dtype);
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
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int u = h0; u < h1; u++) {
                        int rowAt = src + u * w;
                        for (int v = w0; v < w1; v++) {
                            double e = x.d != null ? x.d[rowAt + v] : x.f[rowAt + v];
                            if (!max) {
                                acc += e;
                            } else if (e > acc || Double.isNaN(e)) {
                                acc = e;
                                if (Double.isNaN(e)) {
                                    u = h1;
                                    break;
                                }
                            }
                        }
                    }
                    double v = max ? acc : acc * scale;
                    if (r.d != null) {
                        r.d[dst + i * wo + j] = v;
                    } else {
                        r.f[dst + i * wo + j] = (float) v;
                    }
                }
            }
        }
        return r;
    }
}
