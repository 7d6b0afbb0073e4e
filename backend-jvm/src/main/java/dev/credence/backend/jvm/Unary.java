package dev.credence.backend.jvm;

import dev.credence.api.backend.FloatMath;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.ScalarMath;

/**
 * Elementwise unary kernels. FLOAT32 is computed in double and rounded once, a block of {@value
 * #BLOCK} elements at a time through a small scratch array, except exp, log, log1p and the sigmoid,
 * which {@link VectorUnary} computes a vector at a time when the Vector API is present and {@link
 * FloatMath} one element at a time, to the same bits, when it is not; long arrays are split over
 * the kernel threads ({@link Parallel}).
 */
final class Unary {
    private Unary() {}

    /** Elements converted to double at a time: the scratch stays in L1. */
    private static final int BLOCK = 512;

    static JvmBuffer apply(Primitive op, JvmBuffer x, Parallel par) {
        int n = x.shape.size();
        JvmBuffer r = JvmBuffer.output(x.shape, x.dtype);
        int grain = cheap(op) ? Parallel.GRAIN : Parallel.GRAIN / 16;
        switch (x.dtype) {
            case FLOAT64 -> par.range(n, grain, (lo, hi) -> run(op, x.d, r.d, lo, hi));
            case FLOAT32 -> par.range(n, grain, (lo, hi) -> floats(op, x.f, r.f, lo, hi));
            default -> {
                int[] in = x.i;
                int[] out = r.i;
                for (int k = 0; k < n; k++) {
                    out[k] = op == Primitive.NEG ? -in[k] : Math.abs(in[k]);
                }
            }
        }
        return r;
    }

    /** Whether an op costs about as little as a load and a store. */
    private static boolean cheap(Primitive op) {
        return op == Primitive.NEG || op == Primitive.ABS || op == Primitive.SQRT;
    }

    private static void floats(Primitive op, float[] in, float[] out, int lo, int hi) {
        if (Simd.AVAILABLE && VectorUnary.supports(op)) {
            VectorUnary.apply(op, in, out, lo, hi);
            return;
        }
        switch (op) {
            case NEG -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = -in[k];
                }
            }
            case ABS -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.abs(in[k]);
                }
            }
            case SQRT -> {
                // The float square root is correctly rounded, as is the double one rounded to
                // float (53 >= 2 * 24 + 2 bits), so this equals the computation in double.
                for (int k = lo; k < hi; k++) {
                    out[k] = (float) Math.sqrt(in[k]);
                }
            }
            // The vectorised functions' scalar twins: the same bits with or without the Vector API.
            case EXP -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = FloatMath.exp(in[k]);
                }
            }
            case SIGMOID -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = FloatMath.sigmoid(in[k]);
                }
            }
            case LOG -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = FloatMath.log(in[k]);
                }
            }
            case LOG1P -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = FloatMath.log1p(in[k]);
                }
            }
            case EXPM1 -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = expm1(in[k]);
                }
            }
            default -> {
                double[] tmp = new double[Math.min(BLOCK, hi - lo)];
                for (int b = lo; b < hi; b += BLOCK) {
                    int m = Math.min(BLOCK, hi - b);
                    for (int k = 0; k < m; k++) {
                        tmp[k] = in[b + k];
                    }
                    run(op, tmp, tmp, 0, m);
                    for (int k = 0; k < m; k++) {
                        out[b + k] = (float) tmp[k];
                    }
                }
            }
        }
    }

    private static void run(Primitive op, double[] in, double[] out, int lo, int hi) {
        switch (op) {
            case NEG -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = -in[k];
                }
            }
            case EXP -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.exp(in[k]);
                }
            }
            case LOG -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.log(in[k]);
                }
            }
            case LOG1P -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.log1p(in[k]);
                }
            }
            case EXPM1 -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.expm1(in[k]);
                }
            }
            case SQRT -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.sqrt(in[k]);
                }
            }
            case ABS -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.abs(in[k]);
                }
            }
            case SIGN -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.signum(in[k]);
                }
            }
            case SIN -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.sin(in[k]);
                }
            }
            case COS -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.cos(in[k]);
                }
            }
            case TANH -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = Math.tanh(in[k]);
                }
            }
            case SIGMOID -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = sigmoid(in[k]);
                }
            }
            case LGAMMA -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = ScalarMath.lgamma(in[k]);
                }
            }
            case DIGAMMA -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = ScalarMath.digamma(in[k]);
                }
            }
            case TRIGAMMA -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = ScalarMath.trigamma(in[k]);
                }
            }
            case ERF -> {
                for (int k = lo; k < hi; k++) {
                    out[k] = ScalarMath.erf(in[k]);
                }
            }
        }
    }

    /**
     * {@code expm1} of a float, rounded once: {@code e^x - 1} in double loses at most {@code 2^-53}
     * in absolute terms, a relative {@code 2^-43} or less once {@code |x| >= 2^-10}, far below
     * float's precision; smaller arguments (rare) take {@link Math#expm1}.
     */
    static float expm1(float x) {
        return Math.abs(x) < 0x1p-10 ? (float) Math.expm1(x) : (float) (Math.exp(x) - 1.0);
    }

    /** The logistic function without overflow for large |x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
