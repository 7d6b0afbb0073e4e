package dev.credence.tck;

import dev.credence.api.backend.Shape;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * The kit's oracle: obviously correct, slow reference computations on double arrays, and
 * deterministic test data. Nothing here is shared with any backend.
 */
public final class Ref {
    private Ref() {}

    /**
     * Deterministic uniform values.
     *
     * @param seed the seed
     * @param n how many
     * @param lo lower bound
     * @param hi upper bound
     * @return the values
     */
    public static double[] uniform(long seed, int n, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    /**
     * Rounds every value to the nearest float, as a FLOAT32 tensor would store it.
     *
     * @param v the values
     * @return the rounded values
     */
    public static double[] toFloatPrecision(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** Multi-index of flat position {@code k} in shape {@code s}. */
    static int[] unravel(int k, Shape s) {
        int[] idx = new int[s.rank()];
        for (int i = s.rank() - 1; i >= 0; i--) {
            idx[i] = k % s.dim(i);
            k /= s.dim(i);
        }
        return idx;
    }

    /** Flat position of a broadcast multi-index in shape {@code s} (aligned from the right). */
    static int ravelBroadcast(int[] outIdx, Shape s) {
        int off = outIdx.length - s.rank();
        int k = 0;
        for (int i = 0; i < s.rank(); i++) {
            int v = s.dim(i) == 1 ? 0 : outIdx[i + off];
            k = k * s.dim(i) + v;
        }
        return k;
    }

    /**
     * Elementwise binary function with NumPy broadcasting.
     *
     * @param a left values
     * @param sa left shape
     * @param b right values
     * @param sb right shape
     * @param f the function
     * @return the values of the broadcast result
     */
    public static double[] broadcast(
            double[] a, Shape sa, double[] b, Shape sb, DoubleBinaryOperator f) {
        Shape out = Shape.broadcast(sa, sb, "ref");
        double[] r = new double[out.size()];
        for (int k = 0; k < r.length; k++) {
            int[] idx = unravel(k, out);
            r[k] = f.applyAsDouble(a[ravelBroadcast(idx, sa)], b[ravelBroadcast(idx, sb)]);
        }
        return r;
    }

    /**
     * Sum or max over axes, keeping reduced axes as size 1.
     *
     * @param x values
     * @param s shape
     * @param axes sorted axes
     * @param max true for max, false for sum
     * @return values of shape {@code s.reduce(axes, true)}
     */
    public static double[] reduce(double[] x, Shape s, int[] axes, boolean max) {
        Shape out = s.reduce(axes, true);
        double[] r = new double[out.size()];
        if (max) {
            java.util.Arrays.fill(r, Double.NEGATIVE_INFINITY);
        }
        boolean[] nan = new boolean[r.length];
        for (int k = 0; k < x.length; k++) {
            int[] idx = unravel(k, s);
            for (int a : axes) {
                idx[a] = 0;
            }
            int o = 0;
            for (int i = 0; i < idx.length; i++) {
                o = o * out.dim(i) + idx[i];
            }
            if (max) {
                if (Double.isNaN(x[k])) {
                    nan[o] = true;
                }
                r[o] = Math.max(r[o], x[k]);
            } else {
                r[o] += x[k];
            }
        }
        for (int o = 0; o < r.length; o++) {
            if (nan[o]) {
                r[o] = Double.NaN;
            }
        }
        return r;
    }

    /**
     * Plain triple-loop matrix product {@code [m,k] x [k,n]}.
     *
     * @param a left values
     * @param b right values
     * @param m rows of a
     * @param k shared dimension
     * @param n columns of b
     * @return the product
     */
    public static double[] matmul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /**
     * Axis permutation.
     *
     * @param x values
     * @param s shape
     * @param perm result axis i is input axis perm[i]
     * @return the permuted values
     */
    public static double[] permute(double[] x, Shape s, int[] perm) {
        int[] od = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            od[i] = s.dim(perm[i]);
        }
        Shape out = Shape.of(od);
        double[] r = new double[x.length];
        for (int k = 0; k < r.length; k++) {
            int[] oi = unravel(k, out);
            int[] ii = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                ii[perm[i]] = oi[i];
            }
            int f = 0;
            for (int i = 0; i < ii.length; i++) {
                f = f * s.dim(i) + ii[i];
            }
            r[k] = x[f];
        }
        return r;
    }
}
