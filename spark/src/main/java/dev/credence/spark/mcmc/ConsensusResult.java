package dev.credence.spark.mcmc;

import java.util.List;

/**
 * The outcome of {@link ConsensusMonteCarlo}: the combined draws and every sub-posterior.
 *
 * @param names the flattened parameter names
 * @param draws {@code [T][D]} combined draws
 * @param shards the sub-posteriors, in partition order
 */
public record ConsensusResult(List<String> names, double[][] draws, List<ShardPosterior> shards) {

    /**
     * Copies the lists.
     *
     * @param names the parameter names
     * @param draws the combined draws
     * @param shards the sub-posteriors
     */
    public ConsensusResult {
        names = List.copyOf(names);
        shards = List.copyOf(shards);
    }

    /**
     * Returns the combined posterior means.
     *
     * @return one per parameter
     */
    public double[] mean() {
        return mean(draws);
    }

    /**
     * Returns the combined posterior standard deviations.
     *
     * @return one per parameter
     */
    public double[] sd() {
        return sd(draws);
    }

    /**
     * Returns the divergent transitions of all sub-posteriors.
     *
     * @return their sum
     */
    public int divergences() {
        return shards.stream().mapToInt(ShardPosterior::divergences).sum();
    }

    /**
     * Means of draws.
     *
     * @param x {@code [T][D]} draws
     * @return the {@code D} means
     */
    public static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] r : x) {
            for (int i = 0; i < m.length; i++) {
                m[i] += r[i];
            }
        }
        for (int i = 0; i < m.length; i++) {
            m[i] /= x.length;
        }
        return m;
    }

    /**
     * Standard deviations of draws.
     *
     * @param x {@code [T][D]} draws
     * @return the {@code D} standard deviations
     */
    public static double[] sd(double[][] x) {
        double[][] c = ConsensusCombiner.covariance(x);
        double[] s = new double[c.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(c[i][i]);
        }
        return s;
    }
}
