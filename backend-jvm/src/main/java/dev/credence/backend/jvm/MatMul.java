package dev.credence.backend.jvm;

import dev.credence.api.backend.HostLinearAlgebra;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Matrix products {@code op(A) op(B)}. Small products run a plain i-k-j loop. Large ones split the
 * rows of the result across threads and, within a thread, block over k and j so that a panel of B
 * stays in cache while every row of A in the thread's share streams past it; the innermost loop is
 * an axpy ({@code c[j] += a * b[j]}) that the JIT vectorises, or for FLOAT32 a register-blocked
 * update of four rows at a time ({@link #fourRowsF}).
 *
 * <p>Transposed operands are read in place, never copied whole: a transposed A is walked with
 * swapped strides (its elements are loaded one at a time outside the innermost loop anyway), and
 * for a transposed B each k-by-j panel is packed into a small scratch array as it is needed, as
 * BLAS kernels pack their panels, so the innermost loop still streams contiguous memory.
 */
final class MatMul {
    private MatMul() {}

    /** Below this many multiply-adds a product runs on the calling thread without blocking. */
    static final long SMALL = 32 * 1024;

    private static final int KB = 128;

    /** At most this many output columns, products use dot products instead of axpy rows. */
    private static final int NARROW = 4;

    private static final int JB = 512;

    /** How the operands are laid out: A's row and column strides, and whether B is transposed. */
    record Layout(int aRow, int aCol, boolean transposeB) {}

    static JvmBuffer apply(
            JvmBuffer a,
            JvmBuffer b,
            boolean transposeA,
            boolean transposeB,
            Shape out,
            ExecutorService pool,
            int threads) {
        int ra = a.shape.rank();
        int m = out.dim(out.rank() - 2);
        int n = out.dim(out.rank() - 1);
        int k = transposeA ? a.shape.dim(ra - 2) : a.shape.dim(ra - 1);
        Layout lay = new Layout(transposeA ? 1 : k, transposeA ? m : 1, transposeB);
        JvmBuffer r = JvmBuffer.alloc(out, a.dtype);
        int batches = out.size() / Math.max(1, m * n);
        if (out.size() == 0) {
            return r;
        }
        Shape batchOut = Shape.of(java.util.Arrays.copyOf(out.dims(), out.rank() - 2));
        int[] offA = HostLinearAlgebra.batchOffsets(a.shape, batchOut, m * k);
        int[] offB = HostLinearAlgebra.batchOffsets(b.shape, batchOut, k * n);
        for (int t = 0; t < batches; t++) {
            int oa = offA[t];
            int ob = offB[t];
            int oc = t * m * n;
            long work = (long) m * n * k;
            if (work < SMALL || threads <= 1 || m < 2) {
                rows(a, oa, b, ob, lay, r, oc, k, n, 0, m);
            } else {
                parallel(a, oa, b, ob, lay, r, oc, m, k, n, pool, threads);
            }
        }
        return r;
    }

    private static void parallel(
            JvmBuffer a,
            int oa,
            JvmBuffer b,
            int ob,
            Layout lay,
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
                fs.add(pool.submit(() -> rows(a, oa, b, ob, lay, r, oc, k, n, lo, hi)));
            }
        }
        rows(a, oa, b, ob, lay, r, oc, k, n, 0, Math.min(m, chunk));
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
            Layout lay,
            JvmBuffer r,
            int oc,
            int k,
            int n,
            int lo,
            int hi) {
        if (a.d != null) {
            rowsD(a.d, oa, lay, b.d, ob, r.d, oc, k, n, lo, hi);
        } else {
            rowsF(a.f, oa, lay, b.f, ob, r.f, oc, k, n, lo, hi);
        }
    }

    private static void rowsD(
            double[] a,
            int oa,
            Layout lay,
            double[] b,
            int ob,
            double[] c,
            int oc,
            int k,
            int n,
            int lo,
            int hi) {
        int ar = lay.aRow();
        int ac = lay.aCol();
        double[] panel = lay.transposeB() ? new double[Math.min(k, KB) * Math.min(n, JB)] : null;
        for (int j0 = 0; j0 < n; j0 += JB) {
            int j1 = Math.min(n, j0 + JB);
            for (int k0 = 0; k0 < k; k0 += KB) {
                int k1 = Math.min(k, k0 + KB);
                double[] bArr = b;
                int bb = ob;
                int bs = n;
                if (panel != null) {
                    int w = j1 - j0;
                    for (int j = j0; j < j1; j++) {
                        int src = ob + j * k;
                        for (int p = k0; p < k1; p++) {
                            panel[(p - k0) * w + j - j0] = b[src + p];
                        }
                    }
                    bArr = panel;
                    bb = -k0 * w - j0;
                    bs = w;
                }
                for (int i = lo; i < hi; i++) {
                    int ci = oc + i * n;
                    int ai = oa + i * ar;
                    for (int p = k0; p < k1; p++) {
                        double av = a[ai + p * ac];
                        int bp = bb + p * bs;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += av * bArr[bp + j];
                        }
                    }
                }
            }
        }
    }

    private static void rowsF(
            float[] a,
            int oa,
            Layout lay,
            float[] b,
            int ob,
            float[] c,
            int oc,
            int k,
            int n,
            int lo,
            int hi) {
        int ar = lay.aRow();
        int ac = lay.aCol();
        if (n <= NARROW) {
            // Dot products; B's element (p, j) is at ob + p * bp + j * bj.
            int bp = lay.transposeB() ? 1 : n;
            int bj = lay.transposeB() ? k : 1;
            for (int i = lo; i < hi; i++) {
                int ai = oa + i * ar;
                for (int j = 0; j < n; j++) {
                    int b0 = ob + j * bj;
                    float s0 = 0;
                    float s1 = 0;
                    int p = 0;
                    for (; p + 1 < k; p += 2) {
                        s0 += a[ai + p * ac] * b[b0 + p * bp];
                        s1 += a[ai + (p + 1) * ac] * b[b0 + (p + 1) * bp];
                    }
                    if (p < k) {
                        s0 += a[ai + p * ac] * b[b0 + p * bp];
                    }
                    c[oc + i * n + j] = s0 + s1;
                }
            }
            return;
        }
        if (Simd.AVAILABLE) {
            // B's element (p, j) is at ob + p * n + j, or ob + j * k + p when transposed.
            int br = lay.transposeB() ? 1 : n;
            int bc = lay.transposeB() ? k : 1;
            VectorMatMul.rows(a, oa, ar, ac, b, ob, br, bc, c, oc, k, n, lo, hi);
            return;
        }
        float[] panel = lay.transposeB() ? new float[Math.min(k, KB) * Math.min(n, JB)] : null;
        for (int j0 = 0; j0 < n; j0 += JB) {
            int j1 = Math.min(n, j0 + JB);
            for (int k0 = 0; k0 < k; k0 += KB) {
                int k1 = Math.min(k, k0 + KB);
                float[] bArr = b;
                int bb = ob;
                int bs = n;
                if (panel != null) {
                    int w = j1 - j0;
                    for (int j = j0; j < j1; j++) {
                        int src = ob + j * k;
                        for (int p = k0; p < k1; p++) {
                            panel[(p - k0) * w + j - j0] = b[src + p];
                        }
                    }
                    bArr = panel;
                    bb = -k0 * w - j0;
                    bs = w;
                }
                int i = lo;
                for (; i + 4 <= hi; i += 4) {
                    fourRowsF(
                            a, oa + i * ar, ar, ac, bArr, bb, bs, c, oc + i * n, n, k0, k1, j0, j1);
                }
                for (; i < hi; i++) {
                    int ci = oc + i * n;
                    int ai = oa + i * ar;
                    for (int p = k0; p < k1; p++) {
                        float av = a[ai + p * ac];
                        int bp = bb + p * bs;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += av * bArr[bp + j];
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
     * products it runs about twice as fast as the vectorised axpy. A's element (i, p) is at {@code
     * a0 + i * ar + p * ac}; row p of B starts at {@code bb + p * bs}.
     */
    private static void fourRowsF(
            float[] a,
            int a0,
            int ar,
            int ac,
            float[] b,
            int bb,
            int bs,
            float[] c,
            int c0,
            int n,
            int k0,
            int k1,
            int j0,
            int j1) {
        int a1 = a0 + ar;
        int a2 = a1 + ar;
        int a3 = a2 + ar;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        int p = k0;
        for (; p + 4 <= k1; p += 4) {
            int q0 = p * ac;
            int q1 = q0 + ac;
            int q2 = q1 + ac;
            int q3 = q2 + ac;
            float x00 = a[a0 + q0];
            float x01 = a[a0 + q1];
            float x02 = a[a0 + q2];
            float x03 = a[a0 + q3];
            float x10 = a[a1 + q0];
            float x11 = a[a1 + q1];
            float x12 = a[a1 + q2];
            float x13 = a[a1 + q3];
            float x20 = a[a2 + q0];
            float x21 = a[a2 + q1];
            float x22 = a[a2 + q2];
            float x23 = a[a2 + q3];
            float x30 = a[a3 + q0];
            float x31 = a[a3 + q1];
            float x32 = a[a3 + q2];
            float x33 = a[a3 + q3];
            int b0 = bb + p * bs;
            int b1 = b0 + bs;
            int b2 = b1 + bs;
            int b3 = b2 + bs;
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
            int q = p * ac;
            float x0 = a[a0 + q];
            float x1 = a[a1 + q];
            float x2 = a[a2 + q];
            float x3 = a[a3 + q];
            int bp = bb + p * bs;
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
