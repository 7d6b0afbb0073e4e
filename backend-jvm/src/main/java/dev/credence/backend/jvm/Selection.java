package dev.credence.backend.jvm;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Comparisons ({@code lt}, {@code le}, {@code eq}, giving BOOL) and {@code where}, with
 * broadcasting. The cases a network's step is made of (operands of the result's shape, or scalars)
 * run as flat loops split over the kernel threads; any other broadcast walks precomputed offsets.
 */
final class Selection {
    private Selection() {}

    static JvmBuffer compare(Primitive op, JvmBuffer a, JvmBuffer b, Shape out, Parallel par) {
        int n = out.size();
        JvmBuffer r = JvmBuffer.output(out, DType.BOOL);
        int sa = flatStride(a, out);
        int sb = flatStride(b, out);
        if (sa >= 0 && sb >= 0 && a.dtype.isFloating()) {
            par.range(n, Parallel.GRAIN, (lo, hi) -> compareRange(op, a, sa, b, sb, r.i, lo, hi));
            return r;
        }
        int[] oa = Strides.offsets(out, Strides.broadcast(a.shape, out));
        int[] ob = Strides.offsets(out, Strides.broadcast(b.shape, out));
        for (int k = 0; k < n; k++) {
            r.i[k] = test(op, a.get(oa[k]), b.get(ob[k])) ? 1 : 0;
        }
        return r;
    }

    /** 1 if x has the output's shape, 0 if it is one element, -1 otherwise. */
    private static int flatStride(JvmBuffer x, Shape out) {
        return x.shape.equals(out) ? 1 : x.shape.size() == 1 ? 0 : -1;
    }

    private static boolean test(Primitive op, double x, double y) {
        return switch (op) {
            case LT -> x < y;
            case LE -> x <= y;
            case EQ -> x == y;
            default -> throw new IllegalArgumentException(op + " is no comparison");
        };
    }

    private static void compareRange(
            Primitive op, JvmBuffer a, int sa, JvmBuffer b, int sb, int[] r, int lo, int hi) {
        if (a.f != null) {
            float[] x = a.f;
            float[] y = b.f;
            switch (op) {
                case LT -> {
                    for (int k = lo; k < hi; k++) {
                        r[k] = x[k * sa] < y[k * sb] ? 1 : 0;
                    }
                }
                case LE -> {
                    for (int k = lo; k < hi; k++) {
                        r[k] = x[k * sa] <= y[k * sb] ? 1 : 0;
                    }
                }
                default -> {
                    for (int k = lo; k < hi; k++) {
                        r[k] = x[k * sa] == y[k * sb] ? 1 : 0;
                    }
                }
            }
            return;
        }
        double[] x = a.d;
        double[] y = b.d;
        for (int k = lo; k < hi; k++) {
            r[k] = test(op, x[k * sa], y[k * sb]) ? 1 : 0;
        }
    }

    static JvmBuffer where(JvmBuffer c, JvmBuffer a, JvmBuffer b, Shape out, Parallel par) {
        int n = out.size();
        JvmBuffer r = JvmBuffer.output(out, a.dtype);
        int sc = flatStride(c, out);
        int sa = flatStride(a, out);
        int sb = flatStride(b, out);
        if (sc == 1 && sa >= 0 && sb >= 0) {
            par.range(n, Parallel.GRAIN, (lo, hi) -> whereRange(c.i, a, sa, b, sb, r, lo, hi));
            return r;
        }
        int[] oc = Strides.offsets(out, Strides.broadcast(c.shape, out));
        int[] oa = Strides.offsets(out, Strides.broadcast(a.shape, out));
        int[] ob = Strides.offsets(out, Strides.broadcast(b.shape, out));
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

    private static void whereRange(
            int[] c, JvmBuffer a, int sa, JvmBuffer b, int sb, JvmBuffer r, int lo, int hi) {
        switch (a.dtype) {
            case FLOAT64 -> {
                for (int k = lo; k < hi; k++) {
                    r.d[k] = c[k] != 0 ? a.d[k * sa] : b.d[k * sb];
                }
            }
            case FLOAT32 -> {
                float[] x = a.f;
                float[] y = b.f;
                float[] o = r.f;
                if (Simd.AVAILABLE) {
                    VectorSelect.where(c, x, sa, y, sb, o, lo, hi);
                    return;
                }
                for (int k = lo; k < hi; k++) {
                    o[k] = c[k] != 0 ? x[k * sa] : y[k * sb];
                }
            }
            default -> {
                for (int k = lo; k < hi; k++) {
                    r.i[k] = c[k] != 0 ? a.i[k * sa] : b.i[k * sb];
                }
            }
        }
    }
}
