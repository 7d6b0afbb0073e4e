package dev.credence.models.bnn.swag;

import java.util.Arrays;

/**
 * The running moments SWAG keeps of SGD iterates (Maddox, Garipov, Izmailov, Vetrov and Wilson, "A
 * Simple Baseline for Bayesian Uncertainty in Deep Learning", NeurIPS 2019, Algorithm 1): the mean
 * {@code theta_bar}, the mean of squares {@code theta2_bar}, and the last {@code K} deviations
 * {@code D_i = theta_i - theta_bar_i} (each taken from the mean after adding {@code theta_i}).
 *
 * <p>A state record with a pure {@link #update}: each call returns a new state.
 *
 * <pre>{@code
 * SwagMoments m = SwagMoments.empty(p, 20);
 * for (double[] theta : iterates) {
 *     m = m.update(theta);
 * }
 * double[] var = m.diagonal();        // max(theta2_bar - theta_bar^2, 0)
 * }</pre>
 *
 * @param count the number of iterates seen
 * @param mean the running mean {@code [P]}
 * @param squares the running mean of squares {@code [P]}
 * @param deviations the last (at most {@code rank}) deviations, oldest first, each {@code [P]}
 * @param rank the maximum number of deviations kept, K
 */
public record SwagMoments(
        long count, double[] mean, double[] squares, double[][] deviations, int rank) {

    /**
     * Validates the sizes.
     *
     * @param count iterates seen, at least 0
     * @param mean the mean
     * @param squares the mean of squares, as long as the mean
     * @param deviations at most {@code rank} deviations
     * @param rank at least 1
     */
    public SwagMoments {
        if (count < 0 || rank < 1 || squares.length != mean.length || deviations.length > rank) {
            throw new IllegalArgumentException(
                    "SwagMoments: inconsistent state (count "
                            + count
                            + ", rank "
                            + rank
                            + ", "
                            + deviations.length
                            + " deviations)");
        }
    }

    /**
     * The state before any iterate.
     *
     * @param p the number of weights
     * @param rank the number of deviations to keep, K
     * @return the empty state
     */
    public static SwagMoments empty(int p, int rank) {
        return new SwagMoments(0, new double[p], new double[p], new double[0][], rank);
    }

    /**
     * Adds one iterate.
     *
     * @param theta the weights {@code [P]}
     * @return the new state
     */
    public SwagMoments update(double[] theta) {
        if (theta.length != mean.length) {
            throw new IllegalArgumentException(
                    "SwagMoments: iterate of "
                            + theta.length
                            + " weights, expected "
                            + mean.length);
        }
        double w = 1.0 / (count + 1);
        double[] m = new double[mean.length];
        double[] s = new double[mean.length];
        double[] d = new double[mean.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean[i] + (theta[i] - mean[i]) * w;
            s[i] = squares[i] + (theta[i] * theta[i] - squares[i]) * w;
            d[i] = theta[i] - m[i];
        }
        int keep = Math.min(deviations.length, rank - 1);
        double[][] devs = new double[keep + 1][];
        System.arraycopy(deviations, deviations.length - keep, devs, 0, keep);
        devs[keep] = d;
        return new SwagMoments(count + 1, m, s, devs, rank);
    }

    /**
     * The diagonal variance {@code max(theta2_bar - theta_bar^2, 0)}.
     *
     * @return {@code [P]}
     */
    public double[] diagonal() {
        double[] v = new double[mean.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(squares[i] - mean[i] * mean[i], 0);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwagMoments m
                && m.count == count
                && m.rank == rank
                && Arrays.equals(m.mean, mean)
                && Arrays.equals(m.squares, squares)
                && Arrays.deepEquals(m.deviations, deviations);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "SwagMoments[count="
                + count
                + ", P="
                + mean.length
                + ", K="
                + deviations.length
                + "]";
    }
}
