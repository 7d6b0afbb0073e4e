package dev.credence.models.bnn.laplace;

/** Small dense linear algebra (Cholesky) for the tests' oracles. */
final class Dense {
    private Dense() {}

    static double[][] inverse(double[][] a) {
        int m = a.length;
        double[][] inv = new double[m][];
        for (int j = 0; j < m; j++) {
            double[] e = new double[m];
            e[j] = 1;
            inv[j] = solve(a, e);
        }
        return inv;
    }

    static double[] solve(double[][] a, double[] rhs) {
        int m = a.length;
        double[][] l = cholesky(a);
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            double s = rhs[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    static double logDet(double[][] a) {
        double[][] l = cholesky(a);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += 2 * Math.log(l[i][i]);
        }
        return s;
    }

    static double[][] cholesky(double[][] a) {
        int m = a.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }
}
