package dev.credence.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 matrix products with the JDK's Vector API, blocked and packed as BLAS kernels are (Goto
 * and van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 2008): the
 * product is cut into blocks of {@value #KC} values of k; for each block, a panel of B and then a
 * block of A are copied ("packed") into contiguous scratch arrays in the order the micro-kernel
 * reads them, and the micro-kernel keeps an {@value #MR} by {@code NR} tile of C in vector
 * registers while it walks k, so every load of B feeds {@value #MR} fused multiply-adds. {@code NR}
 * is two vectors of the platform's preferred width (32 floats with AVX-512, 16 with AVX2).
 *
 * <p>Packing reads A and B through arbitrary row and column strides, so transposed operands cost
 * nothing extra. Rows are split over threads by the caller ({@link MatMul}); each call computes
 * rows {@code [lo, hi)} of one product with its own scratch arrays.
 *
 * <p>This class is loaded only when the module {@code jdk.incubator.vector} is present ({@link
 * Simd#AVAILABLE}); otherwise {@link MatMul} runs its plain twin, which does the same operations in
 * the same order for every element (a fused multiply-add per product, a partial sum per block of
 * k), so results are the same bit for bit.
 */
final class VectorMatMul {
    private VectorMatMul() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Rows of the register tile. */
    static final int MR = 6;

    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;

    /** Values of k per packed block (a block of B's panel, {@code KC * NR} floats, fits L1). */
    static final int KC = MatMul.KC;

    /** Rows of A per packed block (fits L2 with B's block). */
    static final int MC = 16 * MR;

    /** Longest packing array a thread keeps between products (4 MB); longer ones are garbage. */
    private static final int KEPT = 1 << 20;

    /**
     * Each thread's packing arrays (B's panels, A's block, a tile), kept between products: a
     * training step runs thousands of products, and fresh arrays of half a megabyte each were most
     * of its garbage. The packers write every element the kernel reads, so stale contents are
     * harmless.
     */
    private static final ThreadLocal<float[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new float[3][0]);

    private static float[] scratch(float[][] kept, int slot, int length) {
        if (kept[slot].length >= length) {
            return kept[slot];
        }
        float[] a = new float[length];
        if (length <= KEPT) {
            kept[slot] = a;
        }
        return a;
    }

    /**
     * Computes rows {@code [lo, hi)} of {@code C = A B} into {@code c}, which holds zeros there.
     * A's element (i, p) is at {@code oa + i * ar + p * ac}; B's element (p, j) at {@code ob + p *
     * br + j * bc}; C's row i starts at {@code oc + i * n}.
     */
    static void rows(
            float[] a,
            int oa,
            int ar,
            int ac,
            float[] b,
            int ob,
            int br,
            int bc,
            float[] c,
            int oc,
            int k,
            int n,
            int lo,
            int hi) {
        int panels = (n + NR - 1) / NR;
        float[][] scratch = SCRATCH.get();
        float[] pb = scratch(scratch, 0, Math.min(k, KC) * panels * NR);
        float[] pa = scratch(scratch, 1, Math.min(k, KC) * MC);
        float[] tile = scratch(scratch, 2, MR * NR);
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kc = Math.min(KC, k - k0);
            packB(b, ob + k0 * br, br, bc, kc, n, pb);
            for (int i0 = lo; i0 < hi; i0 += MC) {
                int mc = Math.min(MC, hi - i0);
                packA(a, oa + i0 * ar + k0 * ac, ar, ac, mc, kc, pa);
                for (int jp = 0; jp < panels; jp++) {
                    int j0 = jp * NR;
                    int w = Math.min(NR, n - j0);
                    for (int ip = 0; ip * MR < mc; ip++) {
                        int h = Math.min(MR, mc - ip * MR);
                        int co = oc + (i0 + ip * MR) * n + j0;
                        kernel(pa, ip * kc * MR, pb, jp * kc * NR, kc, c, co, n, h, w, tile);
                    }
                }
            }
        }
    }

    /** Packs {@code kc} rows of B into panels of NR columns, each {@code kc x NR}, zero-padded. */
    private static void packB(float[] b, int ob, int br, int bc, int kc, int n, float[] pb) {
        int q = 0;
        for (int j0 = 0; j0 < n; j0 += NR) {
            int w = Math.min(NR, n - j0);
            if (bc == 1) {
                for (int p = 0; p < kc; p++, q += NR) {
                    System.arraycopy(b, ob + p * br + j0, pb, q, w);
                    java.util.Arrays.fill(pb, q + w, q + NR, 0f);
                }
            } else {
                // B transposed: walk each column down k, where its values are contiguous.
                for (int j = 0; j < NR; j++) {
                    if (j < w) {
                        int src = ob + (j0 + j) * bc;
                        for (int p = 0; p < kc; p++) {
                            pb[q + p * NR + j] = b[src + p * br];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            pb[q + p * NR + j] = 0f;
                        }
                    }
                }
                q += kc * NR;
            }
        }
    }

    /** Packs {@code mc} rows of A into panels of MR rows, each {@code kc x MR}, zero-padded. */
    private static void packA(float[] a, int oa, int ar, int ac, int mc, int kc, float[] pa) {
        for (int i0 = 0, q = 0; i0 < mc; i0 += MR, q += kc * MR) {
            int h = Math.min(MR, mc - i0);
            for (int i = 0; i < MR; i++) {
                if (i < h) {
                    int src = oa + (i0 + i) * ar;
                    for (int p = 0; p < kc; p++) {
                        pa[q + p * MR + i] = a[src + p * ac];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        pa[q + p * MR + i] = 0f;
                    }
                }
            }
        }
    }

    /** Adds one {@code MR x NR} tile of packed A times packed B to C ({@code h x w} of it). */
    private static void kernel(
            float[] pa,
            int ao,
            float[] pb,
            int bo,
            int kc,
            float[] c,
            int co,
            int ldc,
            int h,
            int w,
            float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bo);
            FloatVector b1 = FloatVector.fromArray(S, pb, bo + L);
            FloatVector x = FloatVector.broadcast(S, pa[ao]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, pa[ao + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, pa[ao + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, pa[ao + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, pa[ao + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, pa[ao + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
        }
        if (h == MR && w == NR) {
            c00.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            co += ldc;
            c10.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c11.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            co += ldc;
            c20.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c21.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            co += ldc;
            c30.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c31.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            co += ldc;
            c40.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c41.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            co += ldc;
            c50.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c51.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        for (int i = 0; i < h; i++) {
            int row = co + i * ldc;
            for (int j = 0; j < w; j++) {
                c[row + j] += tile[i * NR + j];
            }
        }
    }
}
