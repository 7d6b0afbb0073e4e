package dev.credence.backend.jvm;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.HostLinearAlgebra;
import dev.credence.api.backend.Shape;

/**
 * Cholesky factorisation and triangular solves: the API's reference kernels ({@link
 * HostLinearAlgebra}) over the buffers' arrays, in double, FLOAT32 rounded once at the end.
 */
final class Factorisations {
    private Factorisations() {}

    static JvmBuffer cholesky(JvmBuffer a) {
        int d = a.shape.dim(-1);
        return result(a, a.shape, HostLinearAlgebra.cholesky(doubles(a), d));
    }

    static JvmBuffer triangularSolve(JvmBuffer t, JvmBuffer b, Attributes.Triangular f, Shape out) {
        double[] x =
                HostLinearAlgebra.triangularSolve(doubles(t), t.shape, doubles(b), b.shape, f, out);
        return result(t, out, x);
    }

    private static double[] doubles(JvmBuffer x) {
        if (x.d != null) {
            return x.d;
        }
        double[] v = new double[x.shape.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = x.get(k);
        }
        return v;
    }

    private static JvmBuffer result(JvmBuffer like, Shape s, double[] v) {
        if (like.d != null) {
            return JvmBuffer.ofD(s, v);
        }
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = (float) v[k];
        }
        return JvmBuffer.ofF(s, f);
    }
}
