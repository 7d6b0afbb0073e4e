package dev.credence.backend.jvm;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.HostPooling;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Max and average pooling with the API's reference kernel ({@link HostPooling}); FLOAT32 images are
 * pooled in double and rounded once.
 */
final class Pooling {
    private Pooling() {}

    static JvmBuffer apply(Primitive op, JvmBuffer x, Attributes.Pool2d a, Shape out) {
        double[] in = x.d;
        if (in == null) {
            in = new double[x.f.length];
            for (int k = 0; k < in.length; k++) {
                in[k] = x.f[k];
            }
        }
        double[] r = HostPooling.pool(op, in, x.shape, a, out);
        if (x.d != null) {
            return JvmBuffer.ofD(out, r);
        }
        float[] f = new float[r.length];
        for (int k = 0; k < r.length; k++) {
            f[k] = (float) r[k];
        }
        return JvmBuffer.ofF(out, f);
    }
}
