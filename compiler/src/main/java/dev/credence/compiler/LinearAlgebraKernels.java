package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.HostLinearAlgebra;
import dev.credence.api.backend.Shape;
import java.util.Arrays;

/**
 * Kernels of the linear-algebra primitives over double slots: batched matrix products with
 * transposed operands read in place, and the Cholesky factorisation and triangular solves of {@link
 * HostLinearAlgebra} (the reference kernels every backend shares). Every entry of a product
 * accumulates {@code a[i,p] b[p,j]} over {@code p} in increasing order from 0, as the pure-Java
 * backend does, whatever the loop order chosen for the memory layout.
 */
final class LinearAlgebraKernels {
    private LinearAlgebraKernels() {}

    static Kernel matmul(int a, Shape sa, int b, Shape sb, Attributes.MatMul t, int y, Shape out) {
        int r = out.rank();
        int m = out.dim(r - 2);
        int n = out.dim(r - 1);
        int k = t.transposeA() ? sa.dim(sa.rank() - 2) : sa.dim(sa.rank() - 1);
        Shape batch = Shape.of(Arrays.copyOf(out.dims(), r - 2));
        int[] offA = HostLinearAlgebra.batchOffsets(sa, batch, m * k);
        int[] offB = HostLinearAlgebra.batchOffsets(sb, batch, k * n);
        return new MatMul(a, b, y, m, k, n, t.transposeA(), t.transposeB(), offA, offB);
    }

    /** {@code op(A) op(B)} for every matrix of a batch. */
    record MatMul(
            int a,
            int b,
            int y,
            int m,
            int k,
            int n,
            boolean transposeA,
            boolean transposeB,
            int[] offA,
            int[] offB)
            implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] x = f.s[a];
            double[] z = f.s[b];
            double[] c = f.s[y];
            // A's element (i, p) is at oa + i * ar + p * ac; B's (p, j) at ob + p * bp + j * bj.
            int ar = transposeA ? 1 : k;
            int ac = transposeA ? m : 1;
            int bp = transposeB ? 1 : n;
            int bj = transposeB ? k : 1;
            for (int t = 0; t < offA.length; t++) {
                int oa = offA[t];
                int ob = offB[t];
                int oc = t * m * n;
                if (n == 1 && !transposeA) {
                    matrixVector(x, oa, z, ob, bp, c, oc);
                } else if (n == 1) {
                    transposedMatrixVector(x, oa, z, ob, bp, c, oc);
                } else if (transposeA || transposeB) {
                    Arrays.fill(c, oc, oc + m * n, 0);
                    // p outermost: A^T rows and B^T columns are then walked with unit stride.
                    for (int p = 0; p < k; p++) {
                        for (int i = 0; i < m; i++) {
                            double av = x[oa + i * ar + p * ac];
                            int ci = oc + i * n;
                            int bo = ob + p * bp;
                            for (int j = 0; j < n; j++) {
                                c[ci + j] += av * z[bo + j * bj];
                            }
                        }
                    }
                } else {
                    Arrays.fill(c, oc, oc + m * n, 0);
                    for (int i = 0; i < m; i++) {
                        int ci = oc + i * n;
                        int ai = oa + i * k;
                        for (int p = 0; p < k; p++) {
                            double av = x[ai + p];
                            int bo = ob + p * n;
                            for (int j = 0; j < n; j++) {
                                c[ci + j] += av * z[bo + j];
                            }
                        }
                    }
                }
            }
        }

        /**
         * {@code c = A b} for a vector {@code b}: four rows at a time, each with its own
         * accumulator (so the additions of one row stay in order while four run side by side).
         */
        private void matrixVector(
                double[] x, int oa, double[] z, int ob, int bp, double[] c, int oc) {
            int i = 0;
            for (; i + 3 < m; i += 4) {
                int a0 = oa + i * k;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int p = 0; p < k; p++) {
                    double v = z[ob + p * bp];
                    s0 += x[a0 + p] * v;
                    s1 += x[a0 + k + p] * v;
                    s2 += x[a0 + 2 * k + p] * v;
                    s3 += x[a0 + 3 * k + p] * v;
                }
                c[oc + i] = s0;
                c[oc + i + 1] = s1;
                c[oc + i + 2] = s2;
                c[oc + i + 3] = s3;
            }
            for (; i < m; i++) {
                int ai = oa + i * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += x[ai + p] * z[ob + p * bp];
                }
                c[oc + i] = s;
            }
        }

        /**
         * {@code c = A^T b} for a vector {@code b}, A stored {@code [k, m]}: one pass over A's
         * rows, each adding {@code b[p]} times the row into {@code c} (entry {@code i} still sums
         * over {@code p} in increasing order).
         */
        private void transposedMatrixVector(
                double[] x, int oa, double[] z, int ob, int bp, double[] c, int oc) {
            Arrays.fill(c, oc, oc + m, 0);
            for (int p = 0; p < k; p++) {
                double v = z[ob + p * bp];
                int row = oa + p * m;
                for (int i = 0; i < m; i++) {
                    c[oc + i] += x[row + i] * v;
                }
            }
        }
    }

    /**
     * Cholesky factors of a batch of {@code d x d} matrices (all-NaN where not positive definite).
     */
    record Cholesky(int a, int y, int d) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] l = HostLinearAlgebra.cholesky(f.s[a], d);
            System.arraycopy(l, 0, f.s[y], 0, l.length);
        }
    }

    /** {@code op(T) X = B} for triangular {@code T}, batch axes broadcasting. */
    record TriangularSolve(
            int t, Shape st, int b, Shape sb, Attributes.Triangular flags, int y, Shape out)
            implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            double[] x = HostLinearAlgebra.triangularSolve(f.s[t], st, f.s[b], sb, flags, out);
            System.arraycopy(x, 0, f.s[y], 0, x.length);
        }
    }
}
