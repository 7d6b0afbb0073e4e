package dev.credence.bench.uci;

import java.util.Map;

/**
 * Published UCI results, mean ± standard error over the 20 splits, in original units.
 *
 * <p>Source of every number: Gal and Ghahramani, "Dropout as a Bayesian approximation: representing
 * model uncertainty in deep learning", ICML 2016, Table 1 (arXiv:1506.02142, revision of October
 * 2016, whose dropout standard errors correct those of the first version). Its columns:
 *
 * <ul>
 *   <li>{@code VI}: the variational inference of Graves ("Practical variational inference for
 *       neural networks", NeurIPS 2011), as run by Hernández-Lobato and Adams ("Probabilistic
 *       backpropagation for scalable learning of Bayesian neural networks", ICML 2015, Tables 1 and
 *       2);
 *   <li>{@code PBP}: probabilistic backpropagation, from the same tables of Hernández-Lobato and
 *       Adams (2015);
 *   <li>{@code Dropout}: Gal and Ghahramani's MC dropout (with 10x the epochs of PBP after a
 *       Bayesian-optimisation search of the noise precision, per their section 5.3).
 * </ul>
 *
 * @param rmse RMSE mean and standard error per method
 * @param ll test log-likelihood mean and standard error per method
 */
record PublishedResults(Map<String, double[]> rmse, Map<String, double[]> ll) {
    /** The method columns, in table order. */
    static final String[] METHODS = {"VI", "PBP", "Dropout"};

    /** The table's results per data set (folder names of the benchmark's layout). */
    static final Map<String, PublishedResults> TABLE =
            Map.of(
                    "bostonHousing",
                    of(
                            new double[] {4.32, 0.29, 3.01, 0.18, 2.97, 0.19},
                            new double[] {-2.90, 0.07, -2.57, 0.09, -2.46, 0.06}),
                    "concrete",
                    of(
                            new double[] {7.19, 0.12, 5.67, 0.09, 5.23, 0.12},
                            new double[] {-3.39, 0.02, -3.16, 0.02, -3.04, 0.02}),
                    "energy",
                    of(
                            new double[] {2.65, 0.08, 1.80, 0.05, 1.66, 0.04},
                            new double[] {-2.39, 0.03, -2.04, 0.02, -1.99, 0.02}),
                    "kin8nm",
                    of(
                            new double[] {0.10, 0.00, 0.10, 0.00, 0.10, 0.00},
                            new double[] {0.90, 0.01, 0.90, 0.01, 0.95, 0.01}),
                    "power-plant",
                    of(
                            new double[] {4.33, 0.04, 4.12, 0.03, 4.02, 0.04},
                            new double[] {-2.89, 0.01, -2.84, 0.01, -2.80, 0.01}),
                    "wine-quality-red",
                    of(
                            new double[] {0.65, 0.01, 0.64, 0.01, 0.62, 0.01},
                            new double[] {-0.98, 0.01, -0.97, 0.01, -0.93, 0.01}),
                    "yacht",
                    of(
                            new double[] {6.89, 0.67, 1.02, 0.05, 1.11, 0.09},
                            new double[] {-3.43, 0.16, -1.63, 0.02, -1.55, 0.03}));

    private static PublishedResults of(double[] rmse, double[] ll) {
        return new PublishedResults(
                Map.of(
                        "VI", new double[] {rmse[0], rmse[1]},
                        "PBP", new double[] {rmse[2], rmse[3]},
                        "Dropout", new double[] {rmse[4], rmse[5]}),
                Map.of(
                        "VI", new double[] {ll[0], ll[1]},
                        "PBP", new double[] {ll[2], ll[3]},
                        "Dropout", new double[] {ll[4], ll[5]}));
    }
}
