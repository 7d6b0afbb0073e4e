package dev.credence.api.infer.diagnostics;

/**
 * Blom's normal scores {@code Phi^-1((r - 3/8) / (S + 1/4))} for the ranks {@code r = 1..S} of
 * {@code S} draws, the rank normalisation of Vehtari et al. (2021) behind the bulk ESS and R-hat.
 *
 * <p>Every parameter of a fit has the same number of draws, and without ties its ranks are a
 * permutation of {@code 1..S}: the scores are the same table each time. The table for the latest
 * {@code S} is kept, so that summarising a fit computes {@code S} quantiles once instead of three
 * times {@code S} per parameter. (Measured on a 6-parameter fit of 4,000 draws, this saved little:
 * the summaries' time is mostly ranking and the autocovariance FFTs, and, in a fresh process, the
 * JIT compiling them.)
 */
final class NormalScores {
    private NormalScores() {}

    private record Table(int size, double[] scores) {}

    private static volatile Table latest = new Table(0, new double[0]);

    /**
     * The scores of the ranks {@code 1..s}; do not modify the array.
     *
     * @param s the number of draws
     * @return {@code scores[r - 1]} for rank {@code r}
     */
    static double[] of(int s) {
        Table t = latest;
        if (t.size() != s) {
            double[] scores = new double[s];
            for (int r = 1; r <= s; r++) {
                scores[r - 1] = score(r, s);
            }
            t = new Table(s, scores);
            latest = t;
        }
        return t.scores();
    }

    /**
     * The score of one (possibly fractional, averaged over ties) rank.
     *
     * @param rank the rank, from 1
     * @param s the number of draws
     * @return the normal score
     */
    static double score(double rank, int s) {
        return NormalQuantile.of((rank - 0.375) / (s + 0.25));
    }
}
