package dev.credence.backend.jvm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT64 matrix products with the JDK's Vector API, packed and register-tiled like {@link
 * VectorMatMul}, but giving exactly the bits of {@link MatMul}'s plain FLOAT64 loop: that loop adds
 * each product {@code a(i, p) * b(p, j)}, rounded, to C's element in the order of {@code p}, with
 * no fused multiply-add (Java never fuses on its own). Here the micro-kernel loads its {@value #MR}
 * by {@code NR} tile of C into vector registers, adds the rounded products of a block of k in the
 * same order with a multiply and an add, and stores the tile back: the same operations on every
 * element, many elements at once. So FLOAT64 results do not depend on whether the JVM has the
 * incubator module, as the FLOAT32 ones do not, and nothing that compared FLOAT64 products before
 * this kernel sees a different bit.
 *
 * <p>Loaded only when {@link Simd#AVAILABLE}. {@code NR} is two vectors of the platform's preferred
 * width (16 doubles with AVX-512, 8 with AVX2).
 */
final class VectorMatMul64 {
    private VectorMatMul64() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Rows of the register tile. */
    static final int MR = 6;

    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;

    /** Values of k per packed block. */
    static final int KC = 128;

    /** Rows of A per packed block. */
    static final int MC = 16 * MR;

    /** Longest packing array a thread keeps between products (4 MB); longer ones are garbage. */
    private static final int KEPT = 1 << 19;

    /** Each thread's packing arrays (B's panels, A's block, a tile), kept between products. */
    private static final ThreadLocal<double[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new double[3][0]);

    private static double[] scratch(double[][] kept, int slot, int length) {
        if (kept[slot].length >= length) {
            return kept[slot];
        }
        double[] a = new double[length];
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
            double[] a,
            int oa,
            int ar,
            int ac,
            double[] b,
            int ob,
            int br,
            int bc,
            double[] c,
            int oc,
            int k,
            int n,
            int lo,
            int hi) {
        int panels = (n + NR - 1) / NR;
        double[][] scratch = SCRATCH.get();
        double[] pb = scratch(scratch, 0, Math.min(k, KC) * panels * NR);
        double[] pa = scratch(scratch, 1, Math.min(k, KC) * MC);
        double[] tile = scratch(scratch, 2, MR * NR);
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
                        if (h == MR && w == NR) {
                            kernel(pa, ip * kc * MR, pb, jp * kc * NR, kc, c, co, n);
                        } else {
                            // an edge tile: through a zero-padded copy of C's h x w corner
                            java.util.Arrays.fill(tile, 0, MR * NR, 0.0);
                            for (int i = 0; i < h; i++) {
                                System.arraycopy(c, co + i * n, tile, i * NR, w);
                            }
                            kernel(pa, ip * kc * MR, pb, jp * kc * NR, kc, tile, 0, NR);
                            for (int i = 0; i < h; i++) {
                                System.arraycopy(tile, i * NR, c, co + i * n, w);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Packs {@code kc} rows of B into panels of NR columns, each {@code kc x NR}, zero-padded. */
    private static void packB(double[] b, int ob, int br, int bc, int kc, int n, double[] pb) {
        int q = 0;
        for (int j0 = 0; j0 < n; j0 += NR) {
            int w = Math.min(NR, n - j0);
            if (bc == 1) {
                for (int p = 0; p < kc; p++, q += NR) {
                    System.arraycopy(b, ob + p * br + j0, pb, q, w);
                    java.util.Arrays.fill(pb, q + w, q + NR, 0.0);
                }
            } else {
                for (int j = 0; j < NR; j++) {
                    if (j < w) {
                        int src = ob + (j0 + j) * bc;
                        for (int p = 0; p < kc; p++) {
                            pb[q + p * NR + j] = b[src + p * br];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            pb[q + p * NR + j] = 0.0;
                        }
                    }
                }
                q += kc * NR;
            }
        }
    }

    /** Packs {@code mc} rows of A into panels of MR rows, each {@code kc x MR}, zero-padded. */
    private static void packA(double[] a, int oa, int ar, int ac, int mc, int kc, double[] pa) {
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
                        pa[q + p * MR + i] = 0.0;
                    }
                }
            }
        }
    }

    /**
     * Adds packed A times packed B to a full {@code MR x NR} tile of {@code c} (row stride {@code
     * ldc}), product by product in the order of k, each a multiply then an add.
     */
    private static void kernel(
            double[] pa, int ao, double[] pb, int bo, int kc, double[] c, int co, int ldc) {
        int r1 = co + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        DoubleVector c00 = DoubleVector.fromArray(S, c, co);
        DoubleVector c01 = DoubleVector.fromArray(S, c, co + L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, r1);
        DoubleVector c11 = DoubleVector.fromArray(S, c, r1 + L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, r2);
        DoubleVector c21 = DoubleVector.fromArray(S, c, r2 + L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, r3);
        DoubleVector c31 = DoubleVector.fromArray(S, c, r3 + L);
        DoubleVector c40 = DoubleVector.fromArray(S, c, r4);
        DoubleVector c41 = DoubleVector.fromArray(S, c, r4 + L);
        DoubleVector c50 = DoubleVector.fromArray(S, c, r5);
        DoubleVector c51 = DoubleVector.fromArray(S, c, r5 + L);
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector x = DoubleVector.broadcast(S, pa[ao]);
            c00 = c00.add(b0.mul(x));
            c01 = c01.add(b1.mul(x));
            x = DoubleVector.broadcast(S, pa[ao + 1]);
            c10 = c10.add(b0.mul(x));
            c11 = c11.add(b1.mul(x));
            x = DoubleVector.broadcast(S, pa[ao + 2]);
            c20 = c20.add(b0.mul(x));
            c21 = c21.add(b1.mul(x));
            x = DoubleVector.broadcast(S, pa[ao + 3]);
            c30 = c30.add(b0.mul(x));
            c31 = c31.add(b1.mul(x));
            x = DoubleVector.broadcast(S, pa[ao + 4]);
            c40 = c40.add(b0.mul(x));
            c41 = c41.add(b1.mul(x));
            x = DoubleVector.broadcast(S, pa[ao + 5]);
            c50 = c50.add(b0.mul(x));
            c51 = c51.add(b1.mul(x));
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
    }
}
