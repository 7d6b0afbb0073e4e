package dev.credence.spark.mcmc;

import java.util.List;

/**
 * The consensus step of Scott et al. ("Bayes and big data: the consensus Monte Carlo algorithm",
 * International Journal of Management Science and Engineering Management 11, 2016, equation 2):
 * draw {@code t} of the combined posterior is the precision-weighted average of draw {@code t} of
 * every sub-posterior,
 *
 * <pre>
 * theta_t = (sum_s W_s)^-1 sum_s W_s theta_{s,t},    W_s = Cov(theta_s)^-1,
 * </pre>
 *
 * with {@code Cov(theta_s)} the sample covariance of sub-posterior {@code s}'s draws. It is exact
 * when every sub-posterior is Gaussian, and close to exact when each shard holds enough rows for
 * its sub-posterior to be near Gaussian (the Bernstein-von Mises regime).
 */
public final class ConsensusCombiner {
    private ConsensusCombiner() {}

    /**
     * Combines sub-posteriors.
     *
     * @param shards the sub-posteriors, each with the same parameters and number of draws
     * @return {@code [T][D]} combined draws
     * @throws IllegalArgumentException if the shards disagree on parameters or draws, or a
     *     covariance is singular
     */
    public static double[][] combine(List<ShardPosterior> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("consensus: no sub-posteriors to combine");
        }
        ShardPosterior first = shards.get(0);
        int t = first.draws().length;
        int d = first.names().size();
        for (ShardPosterior s : shards) {
            if (!s.names().equals(first.names()) || s.draws().length != t) {
                throw new IllegalArgumentException(
                        "consensus: partition "
                                + s.partition()
                                + " has "
                                + s.draws().length
                                + " draws of "
                                + s.names()
                                + ", partition "
                                + first.partition()
                                + " has "
                                + t
                                + " draws of "
                                + first.names());
            }
        }
        double[][] total = new double[d][d];
        double[][][] weights = new double[shards.size()][][];
        for (int s = 0; s < shards.size(); s++) {
            weights[s] =
                    Spd.inverse(
                            covariance(shards.get(s).draws()),
                            "the draws' covariance of partition " + shards.get(s).partition());
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    total[i][j] += weights[s][i][j];
                }
            }
        }
        double[][] totalInv = Spd.inverse(total, "the summed precision");
        double[][] out = new double[t][];
        for (int k = 0; k < t; k++) {
            double[] acc = new double[d];
            for (int s = 0; s < shards.size(); s++) {
                double[] w = Spd.times(weights[s], shards.get(s).draws()[k]);
                for (int i = 0; i < d; i++) {
                    acc[i] += w[i];
                }
            }
            out[k] = Spd.times(totalInv, acc);
        }
        return out;
    }

    /**
     * The sample covariance of draws.
     *
     * @param x {@code [T][D]} draws
     * @return {@code D x D}
     */
    static double[][] covariance(double[][] x) {
        int t = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] r : x) {
            for (int i = 0; i < d; i++) {
                mean[i] += r[i] / t;
            }
        }
        double[][] c = new double[d][d];
        for (double[] r : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                c[i][j] /= t - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }
}
