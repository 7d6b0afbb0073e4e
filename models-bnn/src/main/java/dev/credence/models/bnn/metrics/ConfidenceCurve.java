package dev.credence.models.bnn.metrics;

/**
 * Accuracy against confidence (Lakshminarayanan, Pritzel and Blundell 2017, figure 3): for each
 * threshold {@code tau}, the accuracy on the examples whose predicted class has probability at
 * least {@code tau}, and the fraction of examples kept. A well-calibrated model's accuracy rises
 * with {@code tau}; a model that is confidently wrong stays flat.
 *
 * @param thresholds the thresholds, ascending
 * @param accuracy the accuracy of the examples kept at each threshold (NaN where none is kept)
 * @param kept the fraction of examples kept at each threshold
 */
public record ConfidenceCurve(double[] thresholds, double[] accuracy, double[] kept) {

    /**
     * Computes the curve at thresholds {@code 0, 0.05, ..., 0.95} and 0.99.
     *
     * @param probs the predictive probabilities {@code [N][K]}
     * @param labels the labels {@code [N]}
     * @return the curve
     */
    public static ConfidenceCurve of(double[][] probs, int[] labels) {
        double[] t = new double[21];
        for (int i = 0; i < 20; i++) {
            t[i] = 0.05 * i;
        }
        t[20] = 0.99;
        return of(probs, labels, t);
    }

    /**
     * Computes the curve at given thresholds.
     *
     * @param probs the predictive probabilities {@code [N][K]}
     * @param labels the labels {@code [N]}
     * @param thresholds the thresholds, ascending
     * @return the curve
     */
    public static ConfidenceCurve of(double[][] probs, int[] labels, double[] thresholds) {
        if (probs.length != labels.length || probs.length == 0) {
            throw new IllegalArgumentException(
                    "ConfidenceCurve: needs one label per row and at least one row, found "
                            + labels.length
                            + " labels for "
                            + probs.length
                            + " rows");
        }
        double[] conf = new double[probs.length];
        boolean[] right = new boolean[probs.length];
        for (int i = 0; i < probs.length; i++) {
            int arg = 0;
            for (int k = 1; k < probs[i].length; k++) {
                if (probs[i][k] > probs[i][arg]) {
                    arg = k;
                }
            }
            conf[i] = probs[i][arg];
            right[i] = arg == labels[i];
        }
        double[] acc = new double[thresholds.length];
        double[] kept = new double[thresholds.length];
        for (int j = 0; j < thresholds.length; j++) {
            int n = 0;
            int ok = 0;
            for (int i = 0; i < conf.length; i++) {
                if (conf[i] >= thresholds[j]) {
                    n++;
                    ok += right[i] ? 1 : 0;
                }
            }
            acc[j] = n == 0 ? Double.NaN : (double) ok / n;
            kept[j] = (double) n / conf.length;
        }
        return new ConfidenceCurve(thresholds.clone(), acc, kept);
    }
}
