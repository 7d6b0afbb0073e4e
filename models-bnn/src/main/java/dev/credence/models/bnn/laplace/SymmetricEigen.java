package dev.credence.models.bnn.laplace;

/**
 * Eigendecomposition {@code A = V diag(lambda) V^T} of a real symmetric matrix on the host, by
 * Householder reduction to tridiagonal form followed by the implicit QL algorithm with Wilkinson
 * shifts (Golub and Van Loan, "Matrix Computations", 4th ed., algorithms 8.3.1 and 8.3.2; the QL
 * variant of Bowdler, Martin, Reinsch and Wilkinson 1968). Kronecker-factored and dense Laplace
 * approximations need it: with the eigenvalues of the curvature, the posterior precision {@code H +
 * delta I} can be inverted, sampled and its log-determinant taken for any prior precision {@code
 * delta} without refactorising.
 *
 * <p>Cost {@code O(n^3)}; the eigenvectors are kept as rows ({@code vectors[k]} is the {@code k}-th
 * eigenvector) so that the rotations of the QL sweeps touch contiguous memory.
 *
 * @param values the eigenvalues, ascending
 * @param vectors the eigenvectors as rows, in the order of the values
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    /**
     * Decomposes a symmetric matrix (only its lower triangle is read).
     *
     * @param a the matrix {@code [n][n]}, not modified
     * @return the decomposition
     * @throws ArithmeticException if the QL iteration does not converge (NaN input)
     */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("SymmetricEigen: the matrix must be square");
            }
            q[i] = a[i].clone();
            for (int j = i + 1; j < n; j++) {
                q[i][j] = a[j][i];
            }
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalise(q, d, e);
        // q now holds the accumulated transformation Q (A = Q T Q^T); work on its transpose so
        // that each eigenvector is a row.
        double[][] vt = transpose(q);
        ql(d, e, vt);
        sort(d, vt);
        return new SymmetricEigen(d, vt);
    }

    /**
     * Householder reduction: on return {@code z} holds {@code Q}, {@code d} the diagonal and {@code
     * e[1..n-1]} the off-diagonal of {@code T = Q^T A Q}.
     */
    private static void tridiagonalise(double[][] z, double[] d, double[] e) {
        int n = z.length;
        double[] work = new double[n];
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0;
            if (l > 0) {
                double scale = 0;
                for (int k = 0; k <= l; k++) {
                    scale += Math.abs(z[i][k]);
                }
                if (scale == 0) {
                    e[i] = z[i][l];
                } else {
                    for (int k = 0; k <= l; k++) {
                        z[i][k] /= scale;
                        h += z[i][k] * z[i][k];
                    }
                    double f = z[i][l];
                    double g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    z[i][l] = f - g;
                    // p = A u with u = z[i][0..l] and A's lower triangle in z: row by row, each
                    // row j adds its dot product with u to p[j] and u[j] times itself to p[0..j),
                    // so every inner loop walks a contiguous row
                    double[] u = z[i];
                    java.util.Arrays.fill(work, 0, l + 1, 0.0);
                    for (int j = 0; j <= l; j++) {
                        z[j][i] = u[j] / h;
                        double[] zj = z[j];
                        double uj = u[j];
                        double dot = 0;
                        for (int k = 0; k < j; k++) {
                            dot += zj[k] * u[k];
                            work[k] += zj[k] * uj;
                        }
                        work[j] += dot + zj[j] * uj;
                    }
                    f = 0;
                    for (int j = 0; j <= l; j++) {
                        e[j] = work[j] / h;
                        f += e[j] * u[j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j <= l; j++) {
                        f = z[i][j];
                        g = e[j] - hh * f;
                        e[j] = g;
                        double[] zj = z[j];
                        double[] zi = z[i];
                        for (int k = 0; k <= j; k++) {
                            zj[k] -= f * e[k] + g * zi[k];
                        }
                    }
                }
            } else {
                e[i] = z[i][l];
            }
            d[i] = h;
        }
        d[0] = 0;
        e[0] = 0;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            int l = i - 1;
            if (d[i] != 0) {
                // g[j] = sum_k z[i][k] z[k][j], then z[k][j] -= g[j] z[k][i]: row by row, so the
                // inner loops run along contiguous rows (the sums keep the order of k)
                java.util.Arrays.fill(g, 0, i, 0.0);
                for (int k = 0; k <= l; k++) {
                    double zik = z[i][k];
                    double[] zk = z[k];
                    for (int j = 0; j <= l; j++) {
                        g[j] += zik * zk[j];
                    }
                }
                for (int k = 0; k <= l; k++) {
                    double zki = z[k][i];
                    double[] zk = z[k];
                    for (int j = 0; j <= l; j++) {
                        zk[j] -= g[j] * zki;
                    }
                }
            }
            d[i] = z[i][i];
            z[i][i] = 1;
            for (int j = 0; j <= l; j++) {
                z[j][i] = 0;
                z[i][j] = 0;
            }
        }
    }

    /**
     * Implicit QL on the tridiagonal {@code (d, e)}, applying every rotation to the rows of {@code
     * vt} (the transposed eigenvector matrix).
     */
    private static void ql(double[] d, double[] e, double[][] vt) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        if (n > 0) {
            e[n - 1] = 0;
        }
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= 1e-15 * dd) {
                        break;
                    }
                }
                if (m != l) {
                    if (++iter > 60) {
                        throw new ArithmeticException(
                                "SymmetricEigen: the QL iteration did not converge");
                    }
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = Math.hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
                    double s = 1;
                    double c = 1;
                    double p = 0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                        rotate(vt[i], vt[i + 1], c, s);
                    }
                    if (r == 0 && i >= l) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }

    /** Rows {@code (u, w) <- (c u - s w, s u + c w)}. */
    private static void rotate(double[] u, double[] w, double c, double s) {
        for (int k = 0; k < u.length; k++) {
            double a = w[k];
            double b = u[k];
            w[k] = s * b + c * a;
            u[k] = c * b - s * a;
        }
    }

    private static void sort(double[] d, double[][] vt) {
        int n = d.length;
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[k]) {
                    k = j;
                }
            }
            if (k != i) {
                double t = d[k];
                d[k] = d[i];
                d[i] = t;
                double[] r = vt[k];
                vt[k] = vt[i];
                vt[i] = r;
            }
        }
    }

    private static double[][] transpose(double[][] x) {
        int n = x.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }
}
