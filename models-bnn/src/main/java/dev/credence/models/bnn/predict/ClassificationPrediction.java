package dev.credence.models.bnn.predict;

/**
 * Per-example summaries of a classification posterior predictive {@code p(y|x) = E_s p_s(y|x)}:
 *
 * <pre>
 * entropy            H[E_s p_s]          total predictive uncertainty (nats)
 * expectedEntropy    E_s H[p_s]          aleatoric: what each draw is unsure about
 * mutualInformation  entropy - expectedEntropy = I(y; w | x, data) >= 0    epistemic (BALD,
 *                                        Houlsby et al. 2011)
 * </pre>
 *
 * @param probs the predictive probabilities {@code [N][K]}
 * @param entropy the predictive entropies {@code [N]}
 * @param expectedEntropy the mean entropies of the draws {@code [N]}
 */
public record ClassificationPrediction(
        double[][] probs, double[] entropy, double[] expectedEntropy) {

    /**
     * Summarises draws.
     *
     * @param d the draws
     * @return the summary
     */
    public static ClassificationPrediction of(ClassificationDraws d) {
        int s = d.draws();
        int n = d.examples();
        int k = d.classes();
        double[][] p = new double[n][k];
        double[] h = new double[n];
        double[] eh = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < s; j++) {
                double[] row = d.probs()[j][i];
                eh[i] += entropy(row) / s;
                for (int c = 0; c < k; c++) {
                    p[i][c] += row[c] / s;
                }
            }
            h[i] = entropy(p[i]);
        }
        return new ClassificationPrediction(p, h, eh);
    }

    /**
     * The mutual information between the label and the weights, per example.
     *
     * @return {@code entropy - expectedEntropy}, clamped at zero against rounding
     */
    public double[] mutualInformation() {
        double[] mi = new double[entropy.length];
        for (int i = 0; i < mi.length; i++) {
            mi[i] = Math.max(0, entropy[i] - expectedEntropy[i]);
        }
        return mi;
    }

    /**
     * The most probable class per example.
     *
     * @return the labels {@code [N]}
     */
    public int[] predictedLabels() {
        int[] out = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            int best = 0;
            for (int c = 1; c < probs[i].length; c++) {
                if (probs[i][c] > probs[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * The Shannon entropy of a probability vector, in nats, with {@code 0 log 0 = 0}.
     *
     * @param p the probabilities
     * @return {@code -sum p log p}
     */
    public static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }
}
