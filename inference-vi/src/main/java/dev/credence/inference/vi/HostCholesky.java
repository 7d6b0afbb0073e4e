package dev.credence.inference.vi;

import java.util.Optional;

/**
 * Dense Cholesky factorisation and inversion of small symmetric matrices on the host, in double
 * precision: what {@link AutoLaplace} needs to turn a Hessian into a covariance. A matrix that is
 * not positive definite yields an empty result, not an exception, for the caller to explain.
 */
final class HostCholesky {
    private HostCholesky() {}

    /**
     * Factorises {@code a = L L^T} (Cholesky-Banachiewicz).
     *
     * @param a a symmetric matrix, not modified
     * @return the lower factor, or empty if {@code a} is not (numerically) positive definite
     */
    static Optional<double[][]> factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return Optional.empty();
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return Optional.of(l);
    }

    /**
     * Inverts {@code a} from its factor: {@code a^-1 = L^-T L^-1}.
     *
     * @param l the lower factor of {@code a}
     * @return the inverse, symmetric
     */
    static double[][] inverse(double[][] l) {
        int n = l.length;
        double[][] li = new double[n][n];
        for (int j = 0; j < n; j++) {
            li[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * li[k][j];
                }
                li[i][j] = s / l[i][i];
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += li[k][i] * li[k][j];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }
}
