package dev.credence.backend.jvm;

import dev.credence.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Matrix products. Small products run a plain i-k-j loop. Large ones split the rows of the result
 * across threads and, within a thread, block over k and j so that a panel of B stays in cache while
 * every row of A in the thread's share streams past it; the innermost loop is an axpy ({@code c[j]
 * += a * b[j]}) that the JIT vectorises.
 */
final class MatMul {
    private MatMul() {}

    /** Below this many multiply-adds a product runs on the calling thread without blocking. */
    static final long SMALL = 32 * 1024;

    private static final int KB = 128;

    /** At most this many output columns, products use dot products instead of axpy rows. */
    private static final int NARROW = 4;

    private static final int JB = 512;

    static JvmBuffer apply(JvmBuffer a, JvmBuffer b, Shape out, ExecutorService pool, int threads) {
        int ra = a.shape.rank();
        int rb = b.shape.rank();
        int m = a.shape.dim(ra - 2);
        int k = a.shape.dim(ra - 1);
        int n = b.shape.dim(rb - 1);
        JvmBuffer r = JvmBuffer.alloc(out, a.dtype);
        int batches = out.size() / Math.max(1, m * n);
        if (out.size() == 0) {
            return r;
        }
        Shape batchOut = Shape.of(java.util.Arrays.copyOf(out.dims(), out.rank() - 2));
        int[] offA = batchOffsets(a.shape, batchOut, m * k);
        int[] offB = batchOffsets(b.shape, batchOut, k * n);
        for (int t = 0; t < batches; t++) {
            int oa = offA[t];
            int ob = offB[t];
            int oc = t * m * n;
            long work = (long) m * n * k;
            if (work < SMALL || threads <= 1 || m < 2) {
                rows(a, oa, b, ob, r, oc, m, k, n, 0, m);
            } else {
                parallel(a, oa, b, ob, r, oc, m, k, n, pool, threads);
            }
        }
        return r;
    }

    private static int[] batchOffsets(Shape in, Shape batchOut, int matrixSize) {
        Shape inBatch = Shape.of(java.util.Arrays.copyOf(in.dims(), in.rank() - 2));
        int[] s = Strides.broadcast(inBatch, batchOut);
        int[] off = Strides.offsets(batchOut, s);
        for (int i = 0; i < off.length; i++) {
            off[i] *= matrixSize;
        }
        return off;
    }

    private static void parallel(
            JvmBuffer a,
            int oa,
            JvmBuffer b,
            int ob,
            JvmBuffer r,
            int oc,
            int m,
            int k,
            int n,
            ExecutorService pool,
            int threads) {
        int parts = Math.min(threads, m);
        List<Future<?>> fs = new ArrayList<>(parts - 1);
        int chunk = (m + parts - 1) / parts;
        for (int p = 1; p < parts; p++) {
            int lo = p * chunk;
            int hi = Math.min(m, lo + chunk);
            if (lo < hi) {
                fs.add(pool.submit(() -> rows(a, oa, b, ob, r, oc, m, k, n, lo, hi)));
            }
        }
        rows(a, oa, b, ob, r, oc, m, k, n, 0, Math.min(m, chunk));
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("matmul interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("matmul worker failed", e.getCause());
            }
        }
    }

    /** Computes rows {@code [lo, hi)} of one product. */
    static void rows(
            JvmBuffer a,
            int oa,
            JvmBuffer b,
            int ob,
            JvmBuffer r,
            int oc,
            int m,
            int k,
            int n,
            int lo,
            int hi) {
        if (a.d != null) {
            rowsD(a.d, oa, b.d, ob, r.d, oc, k, n, lo, hi);
        } else {
            rowsF(a.f, oa, b.f, ob, r.f, oc, k, n, lo, hi);
        }
    }

    private static void rowsD(
            double[] a,
            int oa,
            double[] b,
            int ob,
            double[] c,
            int oc,
            int k,
            int n,
            int lo,
            int hi) {
        for (int j0 = 0; j0 < n; j0 += JB) {
            int j1 = Math.min(n, j0 + JB);
            for (int k0 = 0; k0 < k; k0 += KB) {
                int k1 = Math.min(k, k0 + KB);
                for (int i = lo; i < hi; i++) {
                    int ci = oc + i * n;
                    int ai = oa + i * k;
                    for (int p = k0; p < k1; p++) {
                        double av = a[ai + p];
                        int bp = ob + p * n;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += av * b[bp + j];
                        }
                    }
                }
            }
        }
    }

    private static void rowsF(
            float[] a, int oa, float[] b, int ob, float[] c, int oc, int k, int n, int lo, int hi) {
        if (n <= NARROW) {
            for (int i = lo; i < hi; i++) {
                int ai = oa + i * k;
                for (int j = 0; j < n; j++) {
                    float s0 = 0;
                    float s1 = 0;
                    int p = 0;
                    for (; p + 1 < k; p += 2) {
                        s0 += a[ai + p] * b[ob + p * n + j];
                        s1 += a[ai + p + 1] * b[ob + (p + 1) * n + j];
                    }
                    if (p < k) {
                        s0 += a[ai + p] * b[ob + p * n + j];
                    }
                    c[oc + i * n + j] = s0 + s1;
                }
            }
            return;
        }
        for (int j0 = 0; j0 < n; j0 += JB) {
            int j1 = Math.min(n, j0 + JB);
            for (int k0 = 0; k0 < k; k0 += KB) {
                int k1 = Math.min(k, k0 + KB);
                for (int i = lo; i < hi; i++) {
                    int ci = oc + i * n;
                    int ai = oa + i * k;
                    for (int p = k0; p < k1; p++) {
                        float av = a[ai + p];
                        int bp = ob + p * n;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += av * b[bp + j];
                        }
                    }
                }
            }
        }
    }
}
