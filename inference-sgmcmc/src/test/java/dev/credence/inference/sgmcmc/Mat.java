package dev.credence.inference.sgmcmc;

/** Small dense matrices on arrays, for the test oracles. */
final class Mat {
    private Mat() {}

    static double[][] zeros(int r, int c) {
        return new double[r][c];
    }

    static double[][] identity(int n, double diagonal) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = diagonal;
        }
        return m;
    }

    static double[][] times(double[][] a, double[][] b) {
        int r = a.length;
        int k = b.length;
        int c = b[0].length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int t = 0; t < k; t++) {
                double v = a[i][t];
                if (v != 0) {
                    for (int j = 0; j < c; j++) {
                        out[i][j] += v * b[t][j];
                    }
                }
            }
        }
        return out;
    }

    static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += a[i][j] * v[j];
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** {@code a + s b}. */
    static double[][] plus(double[][] a, double s, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] + s * b[i][j];
            }
        }
        return out;
    }

    /** {@code a b a'}. */
    static double[][] sandwich(double[][] a, double[][] b) {
        return times(times(a, b), transpose(a));
    }

    static double[][] outer(double[] u, double[] v) {
        double[][] out = new double[u.length][v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i][j] = u[i] * v[j];
            }
        }
        return out;
    }

    static double[][] inverse2(double[][] m) {
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }

    static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
