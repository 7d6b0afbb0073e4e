package dev.credence.backend.jvm;

import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Elementwise binary kernels with broadcasting (comparisons and {@code where} are in {@link
 * Selection}). The output is walked row by row (all axes but the last), and each row is one tight
 * loop whose input strides are 1 (contiguous) or 0 (broadcast), so same-shape, scalar and bias-add
 * cases all run without per-element index arithmetic.
 */
final class Binary {
    private Binary() {}

    static JvmBuffer apply(Primitive op, JvmBuffer a, JvmBuffer b, Shape out, Parallel par) {
        JvmBuffer r = JvmBuffer.output(out, a.dtype);
        int n = out.size();
        if (n == 0) {
            return r;
        }
        int grain = op == Primitive.POW ? Parallel.GRAIN / 16 : Parallel.GRAIN;
        if (a.shape.equals(out) && b.shape.equals(out)) {
            par.range(n, grain, (lo, hi) -> row(op, a, lo, 1, b, lo, 1, r, lo, hi - lo));
            return r;
        }
        if (a.shape.equals(out) && b.shape.size() == 1) {
            par.range(n, grain, (lo, hi) -> row(op, a, lo, 1, b, 0, 0, r, lo, hi - lo));
            return r;
        }
        if (b.shape.equals(out) && a.shape.size() == 1) {
            par.range(n, grain, (lo, hi) -> row(op, a, 0, 0, b, lo, 1, r, lo, hi - lo));
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
        if (sa == 0 && sb == 1) {
            double c = a[ia];
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c + b[ib + k];
                    }
                    return;
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c - b[ib + k];
                    }
                    return;
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c * b[ib + k];
                    }
                    return;
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c / b[ib + k];
                    }
                    return;
                }
                default -> {}
            }
        }
        if (sa == 1 && (op == Primitive.MAXIMUM || op == Primitive.MINIMUM)) {
            boolean max = op == Primitive.MAXIMUM;
            for (int k = 0; k < n; k++) {
                double x = a[ia + k];
                double y = b[ib + k * sb];
                r[io + k] = max ? Math.max(x, y) : Math.min(x, y);
            }
            return;
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
        if (sa == 0 && sb == 1) {
            float c = a[ia];
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c + b[ib + k];
                    }
                    return;
                }
                case SUB -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c - b[ib + k];
                    }
                    return;
                }
                case MUL -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c * b[ib + k];
                    }
                    return;
                }
                case DIV -> {
                    for (int k = 0; k < n; k++) {
                        r[io + k] = c / b[ib + k];
                    }
                    return;
                }
                default -> {}
            }
        }
        if (sa == 1 && (op == Primitive.MAXIMUM || op == Primitive.MINIMUM)) {
            boolean max = op == Primitive.MAXIMUM;
            for (int k = 0; k < n; k++) {
                float x = a[ia + k];
                float y = b[ib + k * sb];
                r[io + k] = max ? Math.max(x, y) : Math.min(x, y);
            }
            return;
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
}
