package dev.credence.backend.jvm;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Elementwise binary kernels with broadcasting. The output is walked row by row (all axes but the
 * last), and each row is one tight loop whose input strides are 1 (contiguous) or 0 (broadcast), so
 * same-shape, scalar and bias-add cases all run without per-element index arithmetic.
 */
final class Binary {
    private Binary() {}

    static JvmBuffer apply(Primitive op, JvmBuffer a, JvmBuffer b, Shape out) {
        JvmBuffer r = JvmBuffer.alloc(out, a.dtype);
        int n = out.size();
        if (n == 0) {
            return r;
        }
        if (a.shape.equals(out) && b.shape.equals(out)) {
            row(op, a, 0, 1, b, 0, 1, r, 0, n);
            return r;
        }
        if (a.shape.equals(out) && b.shape.size() == 1) {
            row(op, a, 0, 1, b, 0, 0, r, 0, n);
            return r;
        }
        if (b.shape.equals(out) && a.shape.size() == 1) {
            row(op, a, 0, 0, b, 0, 1, r, 0, n);
            return r;
        }
        int rank = out.rank();
        int[] sa = Strides.broadcast(a.shape, out);
        int[] sb = Strides.broadcast(b.shape, out);
        int[] dims = out.dims();
        int inner = dims[rank - 1];
        int[] idx = new int[rank];
        int oa = 0;
        int ob = 0;
        for (int o = 0; o < n; o += inner) {
            row(op, a, oa, sa[rank - 1], b, ob, sb[rank - 1], r, o, inner);
            for (int ax = rank - 2; ax >= 0; ax--) {
                idx[ax]++;
                oa += sa[ax];
                ob += sb[ax];
                if (idx[ax] < dims[ax]) {
                    break;
                }
                oa -= sa[ax] * dims[ax];
                ob -= sb[ax] * dims[ax];
                idx[ax] = 0;
            }
        }
        return r;
    }

    private static void row(
            Primitive op,
            JvmBuffer a,
            int ia,
            int sa,
            JvmBuffer b,
            int ib,
            int sb,
            JvmBuffer r,
            int io,
            int n) {
        switch (a.dtype) {
            case FLOAT64 -> rowD(op, a.d, ia, sa, b.d, ib, sb, r.d, io, n);
            case FLOAT32 -> rowF(op, a.f, ia, sa, b.f, ib, sb, r.f, io, n);
            default -> rowI(op, a.i, ia, sa, b.i, ib, sb, r.i, io, n);
        }
    }

    private static void rowD(
            Primitive op,
            double[] a,
            int ia,
            int sa,
            double[] b,
            int ib,
            int sb,
            double[] r,
            int io,
            int n) {
        if (sa == 1 && sb == 1) {
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] + b[ib + k];
                    }
                    return;
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] - b[ib + k];
                    }
                    return;
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] * b[ib + k];
                    }
                    return;
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] / b[ib + k];
                    }
                    return;
                }
                default -> {}
            }
        } else if (sa == 1 && sb == 0) {
            double c = b[ib];
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] + c;
                    }
                    return;
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] - c;
                    }
                    return;
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] * c;
                    }
                    return;
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] / c;
                    }
                    return;
                }
                default -> {}
            }
        }
        for (int k = 0; k < n; k++) {
            r[io + k] = scalar(op, a[ia + k * sa], b[ib + k * sb]);
        }
    }

    private static void rowF(
            Primitive op,
            float[] a,
            int ia,
            int sa,
            float[] b,
            int ib,
            int sb,
            float[] r,
            int io,
            int n) {
        if (sa == 1 && sb == 1) {
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] + b[ib + k];
                    }
                    return;
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] - b[ib + k];
                    }
                    return;
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] * b[ib + k];
                    }
                    return;
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] / b[ib + k];
                    }
                    return;
                }
                default -> {}
            }
        } else if (sa == 1 && sb == 0) {
            float c = b[ib];
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] + c;
                    }
                    return;
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] - c;
                    }
                    return;
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] * c;
                    }
                    return;
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = a[ia + k] / c;
                    }
                    return;
                }
                default -> {}
            }
        }
        for (int k = 0; k < n; k++) {
            r[io + k] = (float) scalar(op, a[ia + k * sa], b[ib + k * sb]);
        }
    }

    private static void rowI(
            Primitive op,
            int[] a,
            int ia,
            int sa,
            int[] b,
            int ib,
            int sb,
            int[] r,
            int io,
            int n) {
        for (int k = 0; k < n; k++) {
            int x = a[ia + k * sa];
            int y = b[ib + k * sb];
            r[io + k] =
                    switch (op) {
                        case ADD -> x + y;
                        case SUB -> x - y;
                        case MUL -> x * y;
                        case MAXIMUM -> Math.max(x, y);
                        case MINIMUM -> Math.min(x, y);
                        default -> throw new IllegalArgumentException(op + " on INT32");
                    };
        }
    }

    static double scalar(Primitive op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
            case MAXIMUM -> Math.max(x, y);
            case MINIMUM -> Math.min(x, y);
            default -> throw new IllegalArgumentException(op + " is not a binary primitive");
        };
    }

    static JvmBuffer compare(Primitive op, JvmBuffer a, JvmBuffer b, Shape out) {
        int n = out.size();
        int[] r = new int[n];
        if (a.d != null && a.shape.equals(out) && (b.shape.equals(out) || b.shape.size() == 1)) {
            double[] x = a.d;
            double[] y = b.d;
            boolean scalar = !b.shape.equals(out);
            for (int k = 0; k < n; k++) {
                double u = x[k];
                double v = scalar ? y[0] : y[k];
                boolean t =
                        switch (op) {
                            case LT -> u < v;
                            case LE -> u <= v;
                            case EQ -> u == v;
                            default -> throw new IllegalArgumentException(op + " is no comparison");
                        };
                r[k] = t ? 1 : 0;
            }
            return JvmBuffer.ofI(out, DType.BOOL, r);
        }
        int[] oa = Strides.offsets(out, Strides.broadcast(a.shape, out));
        int[] ob = Strides.offsets(out, Strides.broadcast(b.shape, out));
        for (int k = 0; k < n; k++) {
            double x = a.get(oa[k]);
            double y = b.get(ob[k]);
            boolean v =
                    switch (op) {
                        case LT -> x < y;
                        case LE -> x <= y;
                        case EQ -> x == y;
                        default -> throw new IllegalArgumentException(op + " is no comparison");
                    };
            r[k] = v ? 1 : 0;
        }
        return JvmBuffer.ofI(out, DType.BOOL, r);
    }

    static JvmBuffer where(JvmBuffer c, JvmBuffer a, JvmBuffer b, Shape out) {
        int n = out.size();
        if (a.d != null && c.shape.equals(out) && a.shape.equals(out) && b.shape.equals(out)) {
            double[] r = new double[n];
            for (int k = 0; k < n; k++) {
                r[k] = c.i[k] != 0 ? a.d[k] : b.d[k];
            }
            return JvmBuffer.ofD(out, r);
        }
        int[] oc = Strides.offsets(out, Strides.broadcast(c.shape, out));
        int[] oa = Strides.offsets(out, Strides.broadcast(a.shape, out));
        int[] ob = Strides.offsets(out, Strides.broadcast(b.shape, out));
        JvmBuffer r = JvmBuffer.alloc(out, a.dtype);
        switch (a.dtype) {
            case FLOAT64 -> {
                for (int k = 0; k < n; k++) {
                    r.d[k] = c.i[oc[k]] != 0 ? a.d[oa[k]] : b.d[ob[k]];
                }
            }
            case FLOAT32 -> {
                for (int k = 0; k < n; k++) {
                    r.f[k] = c.i[oc[k]] != 0 ? a.f[oa[k]] : b.f[ob[k]];
                }
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    r.i[k] = c.i[oc[k]] != 0 ? a.i[oa[k]] : b.i[ob[k]];
                }
            }
        }
        return r;
    }
}
