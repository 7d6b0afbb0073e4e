package dev.credence.backend.jvm;

import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Matrix products. Small products run a plain i-k-j loop. Large ones split the rows of the result
 * across threads and, within a thread, block over k and j so that a panel of B stays in cache while
 * every row of A in the thread's share streams past it; the innermost loop is an axpy ({@code c[j]
 * += a * b[j]}) that the JIT vectorises, or for FLOAT32 a register-blocked update of four rows at a
 * time ({@link #fourRowsF}).
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
                int i = lo;
                for (; i + 4 <= hi; i += 4) {
                    fourRowsF(a, oa + i * k, k, b, ob, n, c, oc + i * n, k0, k1, j0, j1);
                }
                for (; i < hi; i++) {
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

    /**
     * Adds {@code A[i..i+4, k0..k1) B[k0..k1, j0..j1)} to four rows of C, taking four values of k
     * at a time. Sixteen elements of A stay in registers while four rows of B stream past, so each
     * load of B feeds four rows and each update of C carries four products: a quarter of the memory
     * traffic per multiply-add of the one-row axpy, which waits on memory. The JIT does not
     * vectorise this loop (it cannot prove the four rows of C independent), yet on the VAE's
     * products it runs about twice as fast as the vectorised axpy.
     */
    private static void fourRowsF(
            float[] a,
            int a0,
            int k,
            float[] b,
            int ob,
            int n,
            float[] c,
            int c0,
            int k0,
            int k1,
            int j0,
            int j1) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        int p = k0;
        for (; p + 4 <= k1; p += 4) {
            float x00 = a[a0 + p];
            float x01 = a[a0 + p + 1];
            float x02 = a[a0 + p + 2];
            float x03 = a[a0 + p + 3];
            float x10 = a[a1 + p];
            float x11 = a[a1 + p + 1];
            float x12 = a[a1 + p + 2];
            float x13 = a[a1 + p + 3];
            float x20 = a[a2 + p];
            float x21 = a[a2 + p + 1];
            float x22 = a[a2 + p + 2];
            float x23 = a[a2 + p + 3];
            float x30 = a[a3 + p];
            float x31 = a[a3 + p + 1];
            float x32 = a[a3 + p + 2];
            float x33 = a[a3 + p + 3];
            int b0 = ob + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                float y0 = b[b0 + j];
                float y1 = b[b1 + j];
                float y2 = b[b2 + j];
                float y3 = b[b3 + j];
                c[c0 + j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
                c[c1 + j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
                c[c2 + j] += x20 * y0 + x21 * y1 + x22 * y2 + x23 * y3;
                c[c3 + j] += x30 * y0 + x31 * y1 + x32 * y2 + x33 * y3;
            }
        }
        for (; p < k1; p++) {
            float x0 = a[a0 + p];
            float x1 = a[a1 + p];
            float x2 = a[a2 + p];
            float x3 = a[a3 + p];
            int bp = ob + p * n;
            for (int j = j0; j < j1; j++) {
                float y = b[bp + j];
                c[c0 + j] += x0 * y;
                c[c1 + j] += x1 * y;
                c[c2 + j] += x2 * y;
                c[c3 + j] += x3 * y;
            }
        }
    }
}
