package dev.credence.spark.mcmc;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.HostLinearAlgebra;
import dev.credence.api.backend.Shape;

/**
 * Small symmetric positive-definite matrices on the host: the inverse through the Cholesky factor
 * {@code A = L L^T} of the api's one host implementation ({@link HostLinearAlgebra}), for the
 * precision weights of consensus Monte Carlo (a few parameters, so {@code O(D^3)} on the driver is
 * nothing).
 */
final class Spd {
    private Spd() {}

    /**
     * Inverts a symmetric positive-definite matrix.
     *
     * @param a the matrix, {@code D x D}
     * @param what what the matrix is, for the error message
     * @return its inverse
     * @throws IllegalArgumentException if the matrix is not positive definite
     */
    static double[][] inverse(double[][] a, String what) {
        int d = a.length;
        double[] flat = new double[d * d];
        double[] identity = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, flat, i * d, d);
            identity[i * d + i] = 1;
        }
        double[] l = HostLinearAlgebra.cholesky(flat, d);
        if (d > 0 && Double.isNaN(l[0])) {
            throw new IllegalArgumentException(
                    what
                            + " is not positive definite: too few draws, or a parameter that does"
                            + " not move");
        }
        Shape square = Shape.of(d, d);
        // L L^T X = I: solve L Y = I, then L^T X = Y.
        double[] y =
                HostLinearAlgebra.triangularSolve(
                        l,
                        square,
                        identity,
                        square,
                        new Attributes.Triangular(true, false),
                        square);
        double[] x =
                HostLinearAlgebra.triangularSolve(
                        l, square, y, square, new Attributes.Triangular(true, true), square);
        double[][] inv = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(x, i * d, inv[i], 0, d);
        }
        return inv;
    }

    /**
     * Multiplies a matrix by a vector.
     *
     * @param a the matrix
     * @param x the vector
     * @return {@code a x}
     */
    static double[] times(double[][] a, double[] x) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }
}
