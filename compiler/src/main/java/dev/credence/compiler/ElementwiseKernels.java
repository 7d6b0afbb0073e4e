package dev.credence.compiler;

import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.ScalarMath;
import dev.credence.api.backend.Shape;

/**
 * Kernels of the unary, binary, comparison and {@code where} primitives over double slots. Each
 * computes exactly what the pure-Java backend computes ({@link Math}, {@link ScalarMath}, NumPy
 * broadcasting, comparisons as 1 and 0), so a compiled program reproduces a replayed one. The
 * primitive is chosen once per call, outside the element loop; operands that are scalars or of the
 * result's shape take loops without index arrays, others read through offsets computed at compile
 * time.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {}

    /** The pure-Java backend's logistic function, without overflow for large |x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** Softplus as {@link Primitive#SOFTPLUS} defines it: x itself above 20. */
    static double softplus(double x) {
        return x > 20 ? x : Math.log1p(Math.exp(x));
    }

    /** The rectified linear unit as {@link Primitive#RELU} defines it: NaN stays NaN. */
    static double relu(double x) {
        return x <= 0 ? 0.0 : x;
    }

    static double unary(Primitive op, double x, boolean integer) {
        return switch (op) {
            case NEG -> integer ? -(int) x : -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case EXPM1 -> Math.expm1(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> integer ? Math.abs((int) x) : Math.abs(x);
            case SIGN -> Math.signum(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case SOFTPLUS -> softplus(x);
            case RELU -> relu(x);
            case LGAMMA -> ScalarMath.lgamma(x);
            case DIGAMMA -> ScalarMath.digamma(x);
            case TRIGAMMA -> ScalarMath.trigamma(x);
            case ERF -> ScalarMath.erf(x);
            default -> throw new IllegalArgumentException(op + " is not unary");
        };
    }

    static double binary(Primitive op, double a, double b, boolean integer) {
        if (integer) {
            int x = (int) a;
            int y = (int) b;
            return switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case MAXIMUM -> Math.max(x, y);
                case MINIMUM -> Math.min(x, y);
                case LT -> x < y ? 1 : 0;
                case LE -> x <= y ? 1 : 0;
                case EQ -> x == y ? 1 : 0;
                default -> throw new IllegalArgumentException(op + " is not defined for INT32");
            };
        }
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            default -> throw new IllegalArgumentException(op + " is not binary");
        };
    }

    /** A unary primitive; {@code integer} for INT32 (NEG and ABS only). */
    record Unary(Primitive op, int x, int y, int n, boolean integer) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] in = f.s[x];
            double[] out = f.s[y];
            if (n == 1) {
                out[0] = unary(op, in[0], integer);
                return;
            }
            switch (op) {
                case NEG -> {
                    if (integer) {
                        for (int k = 0; k < n; k++) {
                            out[k] = -(int) in[k];
                        }
                    } else {
                        for (int k = 0; k < n; k++) {
                            out[k] = -in[k];
                        }
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
                case SQRT -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = Math.sqrt(in[k]);
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = unary(op, in[k], integer);
                    }
                }
            }
        }
    }

    /** How the operands of a binary kernel line up with its result. */
    enum Layout {
        /** Both operands have the result's shape. */
        SAME,
        /** The first operand is one element, the second has the result's shape. */
        SCALAR_FIRST,
        /** The first has the result's shape, the second is one element. */
        SCALAR_SECOND,
        /** Anything else: both read through offsets. */
        GENERAL
    }

    static Kernel binary(
            Primitive op, int a, Shape sa, int b, Shape sb, int y, Shape sy, boolean integer) {
        int n = sy.size();
        Layout layout;
        if (sa.size() == n && sb.size() == n && sa.equals(sb)) {
            layout = Layout.SAME;
        } else if (sa.size() == 1 && sb.size() == n) {
            layout = Layout.SCALAR_FIRST;
        } else if (sb.size() == 1 && sa.size() == n) {
            layout = Layout.SCALAR_SECOND;
        } else {
            layout = Layout.GENERAL;
        }
        int[] ia = layout == Layout.GENERAL ? Offsets.broadcast(sa, sy) : null;
        int[] ib = layout == Layout.GENERAL ? Offsets.broadcast(sb, sy) : null;
        return new Binary(op, layout, a, b, y, n, ia, ib, integer);
    }

    /** A binary or comparison primitive with broadcasting. */
    record Binary(
            Primitive op,
            Layout layout,
            int a,
            int b,
            int y,
            int n,
            int[] ia,
            int[] ib,
            boolean integer)
            implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] x = f.s[a];
            double[] z = f.s[b];
            double[] out = f.s[y];
            if (n == 1) {
                out[0] = binary(op, x[0], z[0], integer);
                return;
            }
            switch (layout) {
                case SAME -> same(x, z, out);
                case SCALAR_FIRST -> scalarFirst(x[0], z, out);
                case SCALAR_SECOND -> scalarSecond(x, z[0], out);
                case GENERAL -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = binary(op, x[ia[k]], z[ib[k]], integer);
                    }
                }
            }
        }

        private void same(double[] x, double[] z, double[] out) {
            if (integer) {
                for (int k = 0; k < n; k++) {
                    out[k] = binary(op, x[k], z[k], true);
                }
                return;
            }
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] + z[k];
                    }
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] - z[k];
                    }
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] * z[k];
                    }
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] / z[k];
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = binary(op, x[k], z[k], false);
                    }
                }
            }
        }

        private void scalarFirst(double v, double[] z, double[] out) {
            if (integer) {
                for (int k = 0; k < n; k++) {
                    out[k] = binary(op, v, z[k], true);
                }
                return;
            }
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = v + z[k];
                    }
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = v - z[k];
                    }
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = v * z[k];
                    }
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = v / z[k];
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = binary(op, v, z[k], false);
                    }
                }
            }
        }

        private void scalarSecond(double[] x, double v, double[] out) {
            if (integer) {
                for (int k = 0; k < n; k++) {
                    out[k] = binary(op, x[k], v, true);
                }
                return;
            }
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] + v;
                    }
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] - v;
                    }
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] * v;
                    }
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = x[k] / v;
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = binary(op, x[k], v, false);
                    }
                }
            }
        }
    }

    static Kernel where(int c, Shape sc, int a, Shape sa, int b, Shape sb, int y, Shape sy) {
        return new Where(
                c,
                a,
                b,
                y,
                sy.size(),
                Offsets.broadcast(sc, sy),
                Offsets.broadcast(sa, sy),
                Offsets.broadcast(sb, sy));
    }

    /** {@code where(cond, a, b)} with broadcasting. */
    record Where(int c, int a, int b, int y, int n, int[] ic, int[] ia, int[] ib)
            implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] cond = f.s[c];
            double[] x = f.s[a];
            double[] z = f.s[b];
            double[] out = f.s[y];
            for (int k = 0; k < n; k++) {
                out[k] = cond[ic[k]] != 0 ? x[ia[k]] : z[ib[k]];
            }
        }
    }
}
