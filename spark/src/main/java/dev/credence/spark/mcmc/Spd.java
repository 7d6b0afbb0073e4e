package dev.credence.spark.mcmc;

/**
 * Small symmetric positive-definite matrices on the host: the inverse through the Cholesky factor
 * {@code A = L L^T}, for the precision weights of consensus Monte Carlo (a few parameters, so
 * {@code O(D^3)} on the driver is nothing).
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
        double[][] l = new double[d][d];
        for (int j = 0; j < d; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                throw new IllegalArgumentException(
                        what
                                + " is not positive definite (pivot "
                                + j
                                + " is "
                                + s
                                + "): too few draws, or a parameter that does not move");
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < d; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        // Solve L L^T X = I column by column.
        double[][] inv = new double[d][d];
        double[] y = new double[d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                double t = i == c ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    t -= l[i][k] * y[k];
                }
                y[i] = t / l[i][i];
            }
            for (int i = d - 1; i >= 0; i--) {
                double t = y[i];
                for (int k = i + 1; k < d; k++) {
                    t -= l[k][i] * inv[k][c];
                }
                inv[i][c] = t / l[i][i];
            }
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
