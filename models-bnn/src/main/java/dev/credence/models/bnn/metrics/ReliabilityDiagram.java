package dev.credence.models.bnn.metrics;

import java.util.Locale;

/**
 * The reliability diagram of a classifier (DeGroot and Fienberg 1983; Niculescu-Mizil and Caruana
 * 2005): examples binned by confidence (the largest predicted probability) into equal-width bins of
 * {@code [0, 1]}, with each bin's mean confidence and accuracy. A calibrated classifier has
 * accuracy equal to confidence in every bin. The expected calibration error (Naeini et al. 2015) is
 * the count-weighted average gap:
 *
 * <pre>
 * ECE = sum_b (n_b / N) |accuracy_b - confidence_b|
 * </pre>
 *
 * @param lower each bin's lower edge
 * @param upper each bin's upper edge
 * @param count the number of examples per bin
 * @param confidence the mean confidence per bin (0 for empty bins)
 * @param accuracy the accuracy per bin (0 for empty bins)
 */
public record ReliabilityDiagram(
        double[] lower, double[] upper, int[] count, double[] confidence, double[] accuracy) {

    /**
     * Bins predictions.
     *
     * @param probs the predictive probabilities {@code [N][K]}
     * @param labels the true labels {@code [N]}
     * @param bins the number of equal-width bins, at least 1
     * @return the diagram
     */
    public static ReliabilityDiagram of(double[][] probs, int[] labels, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException(
                    "reliability diagram: needs >= 1 bin, found " + bins);
        }
        if (probs.length != labels.length) {
            throw new IllegalArgumentException(
                    "reliability diagram: "
                            + labels.length
                            + " labels for "
                            + probs.length
                            + " rows");
        }
        double[] lo = new double[bins];
        double[] hi = new double[bins];
        int[] n = new int[bins];
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        for (int b = 0; b < bins; b++) {
            lo[b] = (double) b / bins;
            hi[b] = (double) (b + 1) / bins;
        }
        for (int i = 0; i < probs.length; i++) {
            int best = 0;
            for (int c = 1; c < probs[i].length; c++) {
                if (probs[i][c] > probs[i][best]) {
                    best = c;
                }
            }
            double p = probs[i][best];
            // Bins are (lo, hi]; confidence 0 cannot occur, p = 1 falls in the last bin.
            int b = Math.min(bins - 1, Math.max(0, (int) Math.ceil(p * bins) - 1));
            n[b]++;
            conf[b] += p;
            acc[b] += best == labels[i] ? 1 : 0;
        }
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                conf[b] /= n[b];
                acc[b] /= n[b];
            }
        }
        return new ReliabilityDiagram(lo, hi, n, conf, acc);
    }

    /**
     * The expected calibration error.
     *
     * @return {@code sum_b (n_b / N) |accuracy_b - confidence_b|}
     */
    public double ece() {
        int total = 0;
        for (int c : count) {
            total += c;
        }
        double e = 0;
        for (int b = 0; b < count.length; b++) {
            e += (double) count[b] / total * Math.abs(accuracy[b] - confidence[b]);
        }
        return e;
    }

    /**
     * The diagram as CSV, one row per bin, with a header.
     *
     * @return {@code lower,upper,count,confidence,accuracy} rows
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("lower,upper,count,confidence,accuracy\n");
        for (int b = 0; b < count.length; b++) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%.4f,%.4f,%d,%.6f,%.6f%n",
                            lower[b],
                            upper[b],
                            count[b],
                            confidence[b],
                            accuracy[b]));
        }
        return sb.toString();
    }
}
