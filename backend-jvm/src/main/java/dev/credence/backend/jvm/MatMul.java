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
 * an axpy ({@code c[j] += a * b[j]}) that the JIT vectorises. FLOAT32 products run {@link
 * VectorMatMul} when the Vector API is present and its plain twin {@link #blockedF} otherwise,
 * which give the same bits; FLOAT64 products of at least {@value #VECTOR64_MIN_COLUMNS} columns run
 * {@link VectorMatMul64} when it is present, which gives the bits of the plain loop.
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

    /** From this many output columns, FLOAT64 products run {@link VectorMatMul64}. */
    static final int VECTOR64_MIN_COLUMNS = 8;

    /**
     * Values of k per block in FLOAT32 products, in both kernels ({@link VectorMatMul} and {@link
     * #blockedF}), which must agree on it to agree bit for bit.
     */
    static final int KC = 256;

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
        if (Simd.AVAILABLE && n >= VECTOR64_MIN_COLUMNS) {
            // the same bits as blockedD, many elements at once
            int br = lay.transposeB() ? 1 : n;
            int bc = lay.transposeB() ? k : 1;
            VectorMatMul64.rows(a, oa, lay.aRow(), lay.aCol(), b, ob, br, bc, c, oc, k, n, lo, hi);
            return;
        }
        blockedD(a, oa, lay, b, ob, c, oc, k, n, lo, hi);
    }

    /**
     * The plain FLOAT64 product: every product {@code a(i, p) b(p, j)} added to C's element in the
     * order of k ({@link VectorMatMul64} gives the same bits).
     */
    static void blockedD(
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
        blockedF(a, oa, ar, ac, b, ob, lay.transposeB(), c, oc, k, n, lo, hi);
    }

    /**
     * The plain-Java twin of {@link VectorMatMul}, bit for bit: for every element of C and every
     * block of {@link #KC} values of k, a sum that starts at zero and adds each product with a
     * fused multiply-add in the order of k, then joins C. The Vector API kernel does exactly these
     * operations, only many elements at once, so a run gives the same numbers whether or not the
     * JVM was started with the incubator module (a training resumed under another launcher agrees
     * with the uninterrupted one). The innermost loop runs along a row of B, which the JIT
     * vectorises; a transposed B is packed a block at a time.
     */
    static void blockedF(
            float[] a,
            int oa,
            int ar,
            int ac,
            float[] b,
            int ob,
            boolean transposeB,
            float[] c,
            int oc,
            int k,
            int n,
            int lo,
            int hi) {
        float[] acc = new float[n];
        float[] panel = transposeB ? new float[Math.min(k, KC) * n] : null;
        for (int k0 = 0; k0 < k; k0 += KC) {
            int k1 = Math.min(k, k0 + KC);
            float[] bArr = b;
            int bb = ob + k0 * n;
            if (panel != null) {
                for (int j = 0; j < n; j++) {
                    int src = ob + j * k;
                    for (int p = k0; p < k1; p++) {
                        panel[(p - k0) * n + j] = b[src + p];
                    }
                }
                bArr = panel;
                bb = 0;
            }
            for (int i = lo; i < hi; i++) {
                java.util.Arrays.fill(acc, 0f);
                int ai = oa + i * ar;
                for (int p = k0; p < k1; p++) {
                    float av = a[ai + p * ac];
                    int bp = bb + (p - k0) * n;
                    for (int j = 0; j < n; j++) {
                        acc[j] = Math.fma(av, bArr[bp + j], acc[j]);
                    }
                }
                int ci = oc + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += acc[j];
                }
            }
        }
    }
}
