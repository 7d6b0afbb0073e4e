package dev.credence.inference.sgmcmc;

import static dev.credence.inference.sgmcmc.LinearRegressionFixture.D;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Sample mean and covariance of draws with Monte Carlo standard errors by batch means: the draws
 * come in batches (stretches of a chain, or cycles) long enough to be nearly independent of each
 * other, and the spread of the per-batch statistics gives the standard error of the overall one.
 *
 * @param mean the sample mean
 * @param cov the sample covariance
 * @param meanSe standard errors of the mean
 * @param covSe standard errors of the covariance entries
 * @param batches the number of batches
 */
record SampleStats(double[] mean, double[][] cov, double[] meanSe, double[][] covSe, int batches) {

    static SampleStats of(List<double[][]> batches) {
        int nb = batches.size();
        double[] mean = new double[D];
        int count = 0;
        for (double[][] b : batches) {
            for (double[] t : b) {
                for (int a = 0; a < D; a++) {
                    mean[a] += t[a];
                }
                count++;
            }
        }
        for (int a = 0; a < D; a++) {
            mean[a] /= count;
        }
        double[][] bm = new double[nb][D];
        double[][][] bc = new double[nb][D][D];
        for (int i = 0; i < nb; i++) {
            double[][] b = batches.get(i);
            for (double[] t : b) {
                for (int a = 0; a < D; a++) {
                    bm[i][a] += t[a] / b.length;
                    for (int c = 0; c < D; c++) {
                        bc[i][a][c] += (t[a] - mean[a]) * (t[c] - mean[c]) / b.length;
                    }
                }
            }
        }
        double[] meanSe = new double[D];
        double[][] cov = new double[D][D];
        double[][] covSe = new double[D][D];
        for (int a = 0; a < D; a++) {
            meanSe[a] = se(column(bm, a));
            for (int c = 0; c < D; c++) {
                double[] v = new double[nb];
                for (int i = 0; i < nb; i++) {
                    v[i] = bc[i][a][c];
                    cov[a][c] += v[i] / nb;
                }
                covSe[a][c] = se(v);
            }
        }
        return new SampleStats(mean, cov, meanSe, covSe, nb);
    }

    /** Splits each chain's draws into equal batches. */
    static List<double[][]> batches(List<SgmcmcChain.Result> chains, int perChain) {
        List<double[][]> out = new java.util.ArrayList<>();
        for (SgmcmcChain.Result r : chains) {
            int size = r.draws().length / perChain;
            for (int b = 0; b < perChain; b++) {
                out.add(java.util.Arrays.copyOfRange(r.draws(), b * size, (b + 1) * size));
            }
        }
        return out;
    }

    /** Asserts every mean entry within {@code z} standard errors (plus {@code bias}) of a value. */
    void assertMean(double[] expected, double z, String what) {
        for (int a = 0; a < D; a++) {
            double tol = z * meanSe[a];
            assertTrue(
                    Math.abs(mean[a] - expected[a]) <= tol,
                    what
                            + ": mean["
                            + a
                            + "] "
                            + mean[a]
                            + ", expected "
                            + expected[a]
                            + " +- "
                            + tol);
        }
    }

    /**
     * Asserts every covariance entry within {@code z} standard errors plus an allowance {@code
     * bias[a][c]} of a value.
     */
    void assertCov(double[][] expected, double[][] bias, double z, String what) {
        for (int a = 0; a < D; a++) {
            for (int c = 0; c < D; c++) {
                double tol = z * covSe[a][c] + Math.abs(bias[a][c]);
                assertTrue(
                        Math.abs(cov[a][c] - expected[a][c]) <= tol,
                        what
                                + ": cov["
                                + a
                                + "]["
                                + c
                                + "] "
                                + cov[a][c]
                                + ", expected "
                                + expected[a][c]
                                + " +- "
                                + tol);
            }
        }
    }

    private static double[] column(double[][] m, int a) {
        double[] v = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            v[i] = m[i][a];
        }
        return v;
    }

    private static double se(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }
}
