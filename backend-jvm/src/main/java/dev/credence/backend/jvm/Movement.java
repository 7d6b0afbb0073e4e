package dev.credence.backend.jvm;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;

/** Data movement: permute, broadcast, slice, concat, gather, scatter-add, one-hot and cast. */
final class Movement {
    private Movement() {}

    /** Copies {@code src} elements at the given offsets into a new buffer of shape {@code out}. */
    static JvmBuffer take(JvmBuffer src, Shape out, int[] offsets) {
        int n = offsets.length;
        JvmBuffer r = JvmBuffer.output(out, src.dtype);
        switch (src.dtype) {
            case FLOAT64 -> {
                for (int k = 0; k < n; k++) {
                    r.d[k] = src.d[offsets[k]];
                }
            }
            case FLOAT32 -> {
                for (int k = 0; k < n; k++) {
                    r.f[k] = src.f[offsets[k]];
                }
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    r.i[k] = src.i[offsets[k]];
                }
            }
        }
        return r;
    }

    static JvmBuffer permute(JvmBuffer x, int[] perm) {
        int r = perm.length;
        if (swapsLastTwo(perm)) {
            return transposeLastTwo(x);
        }
        int[] in = x.shape.strides();
        int[] od = new int[r];
        int[] os = new int[r];
        for (int i = 0; i < r; i++) {
            od[i] = x.shape.dim(perm[i]);
            os[i] = in[perm[i]];
        }
        Shape out = Shape.of(od);
        return take(x, out, Strides.offsets(out, os));
    }

    private static boolean swapsLastTwo(int[] perm) {
        int r = perm.length;
        if (r < 2 || perm[r - 2] != r - 1 || perm[r - 1] != r - 2) {
            return false;
        }
        for (int i = 0; i < r - 2; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Blocked transpose of the last two axes, batch by batch, without index arrays. */
    private static JvmBuffer transposeLastTwo(JvmBuffer x) {
        int[] d = x.shape.dims();
        int r = d.length;
        int m = d[r - 2];
        int n = d[r - 1];
        int[] od = d.clone();
        od[r - 2] = n;
        od[r - 1] = m;
        JvmBuffer out = JvmBuffer.output(Shape.of(od), x.dtype);
        int batches = m * n == 0 ? 0 : x.shape.size() / (m * n);
        final int bs = 32;
        for (int t = 0; t < batches; t++) {
            int base = t * m * n;
            for (int i0 = 0; i0 < m; i0 += bs) {
                int i1 = Math.min(m, i0 + bs);
                for (int j0 = 0; j0 < n; j0 += bs) {
                    int j1 = Math.min(n, j0 + bs);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            int from = base + i * n + j;
                            int to = base + j * m + i;
                            if (x.d != null) {
                                out.d[to] = x.d[from];
                            } else if (x.f != null) {
                                out.f[to] = x.f[from];
                            } else {
                                out.i[to] = x.i[from];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static JvmBuffer broadcastTo(JvmBuffer x, Shape out) {
        return take(x, out, Strides.offsets(out, Strides.broadcast(x.shape, out)));
    }

    static JvmBuffer slice(JvmBuffer x, int[] begin, int[] end) {
        int r = begin.length;
        int[] od = new int[r];
        int base = 0;
        int[] st = x.shape.strides();
        for (int i = 0; i < r; i++) {
            od[i] = end[i] - begin[i];
            base += begin[i] * st[i];
        }
        Shape out = Shape.of(od);
        int[] off = Strides.offsets(out, st);
        for (int k = 0; k < off.length; k++) {
            off[k] += base;
        }
        return take(x, out, off);
    }

    static JvmBuffer concat(JvmBuffer[] xs, int axis, Shape out) {
        JvmBuffer r = JvmBuffer.output(out, xs[0].dtype);
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= out.dim(i);
        }
        int innerOut = out.size() / Math.max(1, outer);
        int at = 0;
        for (JvmBuffer x : xs) {
            int innerX = x.shape.size() / Math.max(1, outer);
            for (int o = 0; o < outer; o++) {
                copy(x, o * innerX, r, o * innerOut + at, innerX);
            }
            at += innerX;
        }
        return r;
    }

    private static void copy(JvmBuffer src, int from, JvmBuffer dst, int to, int n) {
        if (src.d != null) {
            System.arraycopy(src.d, from, dst.d, to, n);
        } else if (src.f != null) {
            System.arraycopy(src.f, from, dst.f, to, n);
        } else {
            System.arraycopy(src.i, from, dst.i, to, n);
        }
    }

    static JvmBuffer gather(JvmBuffer x, int axis, JvmBuffer indices) {
        int[] xd = x.shape.dims();
        int[] id = indices.shape.dims();
        int[] od = new int[xd.length - 1 + id.length];
        System.arraycopy(xd, 0, od, 0, axis);
        System.arraycopy(id, 0, od, axis, id.length);
        System.arraycopy(xd, axis + 1, od, axis + id.length, xd.length - axis - 1);
        Shape out = Shape.of(od);
        JvmBuffer r = JvmBuffer.output(out, x.dtype);
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= xd[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < xd.length; i++) {
            inner *= xd[i];
        }
        int len = xd[axis];
        int[] idx = indices.i;
        int m = idx.length;
        for (int o = 0; o < outer; o++) {
            for (int t = 0; t < m; t++) {
                copy(x, (o * len + idx[t]) * inner, r, (o * m + t) * inner, inner);
            }
        }
        return r;
    }

    static JvmBuffer scatterAdd(Shape out, int axis, JvmBuffer indices, JvmBuffer src) {
        JvmBuffer r = JvmBuffer.alloc(out, src.dtype);
        int[] od = out.dims();
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= od[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < od.length; i++) {
            inner *= od[i];
        }
        int len = od[axis];
        int[] idx = indices.i;
        int m = idx.length;
        for (int o = 0; o < outer; o++) {
            for (int t = 0; t < m; t++) {
                int to = (o * len + idx[t]) * inner;
                int from = (o * m + t) * inner;
                for (int j = 0; j < inner; j++) {
                    if (r.d != null) {
                        r.d[to + j] += src.d[from + j];
                    } else if (r.f != null) {
                        r.f[to + j] += src.f[from + j];
                    } else {
                        r.i[to + j] += src.i[from + j];
                    }
                }
            }
        }
        return r;
    }

    static JvmBuffer oneHot(JvmBuffer indices, int depth, DType dtype) {
        int[] id = indices.shape.dims();
        int[] od = java.util.Arrays.copyOf(id, id.length + 1);
        od[id.length] = depth;
        JvmBuffer r = JvmBuffer.alloc(Shape.of(od), dtype);
        int[] idx = indices.i;
        for (int t = 0; t < idx.length; t++) {
            int c = idx[t];
            if (c >= 0 && c < depth) {
                int at = t * depth + c;
                switch (dtype) {
                    case FLOAT64 -> r.d[at] = 1;
                    case FLOAT32 -> r.f[at] = 1;
                    default -> r.i[at] = 1;
                }
            }
        }
        return r;
    }

    static JvmBuffer cast(JvmBuffer x, DType to) {
        int n = x.shape.size();
        JvmBuffer r = JvmBuffer.output(x.shape, to);
        if (to == DType.FLOAT32 && x.i != null) {
            for (int k = 0; k < n; k++) {
                r.f[k] = x.i[k];
            }
            return r;
        }
        if (to == DType.FLOAT32 && x.f != null) {
            System.arraycopy(x.f, 0, r.f, 0, n);
            return r;
        }
        if (to == DType.FLOAT64 && x.f != null) {
            for (int k = 0; k < n; k++) {
                r.d[k] = x.f[k];
            }
            return r;
        }
        for (int k = 0; k < n; k++) {
            double v = x.get(k);
            switch (to) {
                case FLOAT64 -> r.d[k] = v;
                case FLOAT32 -> r.f[k] = (float) v;
                case INT32 -> r.i[k] = (int) v;
                case BOOL -> r.i[k] = v != 0 ? 1 : 0;
            }
        }
        return r;
    }
}
