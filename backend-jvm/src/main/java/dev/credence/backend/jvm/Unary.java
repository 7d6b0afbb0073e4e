package dev.credence.backend.jvm;

import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.ScalarMath;

/** Elementwise unary kernels. FLOAT32 is computed in double and rounded once. */
final class Unary {
    private Unary() {}

    static JvmBuffer apply(Primitive op, JvmBuffer x) {
        int n = x.shape.size();
        switch (x.dtype) {
            case FLOAT64 -> {
                double[] out = new double[n];
                run(op, x.d, out, n);
                return JvmBuffer.ofD(x.shape, out);
            }
            case FLOAT32 -> {
                float[] in = x.f;
                float[] out = new float[n];
                switch (op) {
                    case NEG -> {
                        for (int k = 0; k < n; k++) {
                            out[k] = -in[k];
                        }
                    }
                    case ABS -> {
                        for (int k = 0; k < n; k++) {
                            out[k] = Math.abs(in[k]);
                        }
                    }
                    default -> {
                        double[] tmp = new double[n];
                        for (int k = 0; k < n; k++) {
                            tmp[k] = in[k];
                        }
                        run(op, tmp, tmp, n);
                        for (int k = 0; k < n; k++) {
                            out[k] = (float) tmp[k];
                        }
                    }
                }
                return JvmBuffer.ofF(x.shape, out);
            }
            default -> {
                int[] in = x.i;
                int[] out = new int[n];
                for (int k = 0; k < n; k++) {
                    out[k] = op == Primitive.NEG ? -in[k] : Math.abs(in[k]);
                }
                return JvmBuffer.ofI(x.shape, x.dtype, out);
            }
        }
    }

    private static void run(Primitive op, double[] in, double[] out, int n) {
        switch (op) {
            case NEG -> {
                for (int k = 0; k < n; k++) {
                    out[k] = -in[k];
                }
            }
            case EXP -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.exp(in[k]);
                }
            }
            case LOG -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.log(in[k]);
                }
            }
            case LOG1P -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.log1p(in[k]);
                }
            }
            case EXPM1 -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.expm1(in[k]);
                }
            }
            case SQRT -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.sqrt(in[k]);
                }
            }
            case ABS -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.abs(in[k]);
                }
            }
            case SIGN -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.signum(in[k]);
                }
            }
            case SIN -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.sin(in[k]);
                }
            }
            case COS -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.cos(in[k]);
                }
            }
            case TANH -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.tanh(in[k]);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) {
                    out[k] = sigmoid(in[k]);
                }
            }
            case LGAMMA -> {
                for (int k = 0; k < n; k++) {
                    out[k] = ScalarMath.lgamma(in[k]);
                }
            }
            case DIGAMMA -> {
                for (int k = 0; k < n; k++) {
                    out[k] = ScalarMath.digamma(in[k]);
                }
            }
            case TRIGAMMA -> {
                for (int k = 0; k < n; k++) {
                    out[k] = ScalarMath.trigamma(in[k]);
                }
            }
            case ERF -> {
                for (int k = 0; k < n; k++) {
                    out[k] = ScalarMath.erf(in[k]);
                }
            }
        }
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
