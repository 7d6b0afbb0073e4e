package dev.credence.inference.hmc;

/**
 * Welford's streaming estimate of a mean and (co)variance, numerically stable in one pass, with
 * Stan's regularisation toward a small multiple of the identity: {@code n/(n+5) S + 1e-3 * 5/(n+5)
 * I}.
 */
final class Welford {
    private final boolean dense;
    private final double[] mean;
    private final double[] m2;
    private final double[][] m2dense;
    private long n;

    Welford(int d, boolean dense) {
        this.dense = dense;
        mean = new double[d];
        m2 = new double[d];
        m2dense = dense ? new double[d][d] : null;
    }

    void add(double[] x) {
        n++;
        int d = mean.length;
        double[] delta = new double[d];
        for (int i = 0; i < d; i++) {
            delta[i] = x[i] - mean[i];
            mean[i] += delta[i] / n;
        }
        for (int i = 0; i < d; i++) {
            double after = x[i] - mean[i];
            m2[i] += delta[i] * after;
            if (dense) {
                for (int j = 0; j < d; j++) {
                    m2dense[i][j] += delta[i] * (x[j] - mean[j]);
                }
            }
        }
    }

    long count() {
        return n;
    }

    void reset() {
        n = 0;
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(m2, 0);
        if (dense) {
            for (double[] row : m2dense) {
                java.util.Arrays.fill(row, 0);
            }
        }
    }

    /** The regularised diagonal variance. */
    double[] regularisedVariance() {
        double[] v = new double[mean.length];
        double w = n / (n + 5.0);
        for (int i = 0; i < v.length; i++) {
            v[i] = w * m2[i] / (n - 1.0) + 1e-3 * (5.0 / (n + 5.0));
        }
        return v;
    }

    /** The regularised covariance. */
    double[][] regularisedCovariance() {
        int d = mean.length;
        double[][] c = new double[d][d];
        double w = n / (n + 5.0);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = w * m2dense[i][j] / (n - 1.0) + (i == j ? 1e-3 * (5.0 / (n + 5.0)) : 0);
            }
        }
        return c;
    }
}
