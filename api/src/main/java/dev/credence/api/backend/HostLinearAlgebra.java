package dev.credence.api.backend;

import java.util.Arrays;

/**
 * Reference kernels of the {@link Primitive#CHOLESKY} and {@link Primitive#TRIANGULAR_SOLVE}
 * primitives over row-major doubles, for backends to use: the pure-Java backend computes with them,
 * and a backend whose engine lacks a primitive (or whose native kernel has other semantics, such as
 * throwing on a matrix that is not positive definite) copies its operands to the host and calls
 * them. Like {@link ScalarMath}, they are written once here so that every backend agrees exactly.
 *
 * <p>Both compute in double; a FLOAT32 backend rounds the result once.
 */
public final class HostLinearAlgebra {
    private HostLinearAlgebra() {}

    /**
     * Cholesky factors of a batch of {@code d x d} matrices, by the Cholesky-Banachiewicz scheme
     * (row by row), reading only the lower triangle. A matrix whose pivot is not {@code > 0} (or is
     * NaN) gets an all-NaN factor, as {@link Primitive#CHOLESKY} requires.
     *
     * @param a the matrices, row-major, {@code a.length} a multiple of {@code d * d}
     * @param d the matrix size
     * @return the lower factors, zeros above the diagonal
     */
    public static double[] cholesky(double[] a, int d) {
        double[] l = new double[a.length];
        for (int base = 0; base < a.length; base += d * d) {
            if (!factor(a, base, d, l)) {
                Arrays.fill(l, base, base + d * d, Double.NaN);
            }
        }
        return l;
    }

    private static boolean factor(double[] a, int base, int d, double[] l) {
        for (int i = 0; i < d; i++) {
            int ri = base + i * d;
            for (int j = 0; j <= i; j++) {
                int rj = base + j * d;
                double sum = a[ri + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[ri + k] * l[rj + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return false;
                    }
                    l[ri + i] = Math.sqrt(sum);
                } else {
                    l[ri + j] = sum / l[rj + j];
                }
            }
        }
        return true;
    }

    /**
     * Solves {@code op(t) x = b} for a batch of triangular matrices, by substitution row by row of
     * {@code x}: forward when {@code op(t)} is lower triangular, backward when it is upper. Only
     * the named triangle of {@code t} (diagonal included) is read. Batch axes broadcast.
     *
     * @param t the triangular matrices, row-major, of shape {@code tShape = [..., d, d]}
     * @param tShape the shape of {@code t}
     * @param b the right-hand sides, row-major, of shape {@code bShape = [..., d, n]}
     * @param bShape the shape of {@code b}
     * @param f whether {@code t} is lower triangular and whether to use its transpose
     * @param out the result shape: the broadcast batch axes, then {@code [d, n]}
     * @return the solutions, row-major
     */
    public static double[] triangularSolve(
            double[] t,
            Shape tShape,
            double[] b,
            Shape bShape,
            Attributes.Triangular f,
            Shape out) {
        int r = out.rank();
        int d = out.dim(r - 2);
        int n = out.dim(r - 1);
        Shape batch = Shape.of(Arrays.copyOf(out.dims(), r - 2));
        int[] offT = batchOffsets(tShape, batch, d * d);
        int[] offB = batchOffsets(bShape, batch, d * n);
        boolean forward = f.lower() != f.transpose();
        double[] x = new double[out.size()];
        for (int m = 0; m < offT.length; m++) {
            int ot = offT[m];
            int ox = m * d * n;
            for (int step = 0; step < d; step++) {
                int i = forward ? step : d - 1 - step;
                int xi = ox + i * n;
                System.arraycopy(b, offB[m] + i * n, x, xi, n);
                int kLo = forward ? 0 : i + 1;
                int kHi = forward ? i : d;
                for (int k = kLo; k < kHi; k++) {
                    double mik = t[ot + (f.transpose() ? k * d + i : i * d + k)];
                    int xk = ox + k * n;
                    for (int j = 0; j < n; j++) {
                        x[xi + j] -= mik * x[xk + j];
                    }
                }
                double diag = t[ot + i * d + i];
                for (int j = 0; j < n; j++) {
                    x[xi + j] /= diag;
                }
            }
        }
        return x;
    }

    /**
     * For every index of the batch shape {@code batch}, in row-major order, the offset of the
     * matching matrix of a tensor of shape {@code in} (whose batch axes broadcast to {@code
     * batch}).
     *
     * @param in the tensor's shape, matrices in its last two axes
     * @param batch the broadcast batch shape
     * @param matrixSize the number of elements of one matrix
     * @return the offsets
     */
    public static int[] batchOffsets(Shape in, Shape batch, int matrixSize) {
        int rank = batch.rank();
        int lead = rank - (in.rank() - 2);
        int[] stride = new int[rank];
        int s = matrixSize;
        for (int i = rank - 1; i >= lead; i--) {
            int dim = in.dim(i - lead);
            stride[i] = dim == 1 ? 0 : s;
            s *= dim;
        }
        int[] off = new int[batch.size()];
        int[] idx = new int[rank];
        for (int k = 0; k < off.length; k++) {
            int o = 0;
            for (int i = 0; i < rank; i++) {
                o += idx[i] * stride[i];
            }
            off[k] = o;
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < batch.dim(i)) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return off;
    }
}
