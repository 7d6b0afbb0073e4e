package dev.credence.models.bnn.metrics;

import java.util.Arrays;

/**
 * How well a score separates out-of-distribution inputs from in-distribution ones: the area under
 * the ROC curve of "score above a threshold means out of distribution", for example the predictive
 * entropy of a classifier trained on Fashion-MNIST, scored on its test set and on MNIST's.
 *
 * <p>The AUROC is the probability that a random OOD input scores higher than a random
 * in-distribution one, ties counting one half: the Mann-Whitney statistic {@code U / (n_in n_out)},
 * computed from mid-ranks in {@code O(n log n)}. 0.5 is chance, 1 perfect separation.
 */
public final class OodDetection {
    private OodDetection() {}

    /**
     * The AUROC.
     *
     * @param in the scores of in-distribution inputs, at least one, finite
     * @param out the scores of out-of-distribution inputs, at least one, finite
     * @return the area under the ROC curve
     */
    public static double auroc(double[] in, double[] out) {
        if (in.length == 0 || out.length == 0) {
            throw new IllegalArgumentException(
                    "AUROC: needs at least one score of each kind, found "
                            + in.length
                            + " and "
                            + out.length);
        }
        int n = in.length + out.length;
        double[][] all = new double[n][2];
        for (int i = 0; i < in.length; i++) {
            all[i] = new double[] {check(in[i]), 0};
        }
        for (int i = 0; i < out.length; i++) {
            all[in.length + i] = new double[] {check(out[i]), 1};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 1) {
                    rankSum += mid;
                }
            }
            i = j + 1;
        }
        double u = rankSum - out.length * (out.length + 1) / 2.0;
        return u / ((double) in.length * out.length);
    }

    private static double check(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("AUROC: scores must be finite, found " + v);
        }
        return v;
    }
}
