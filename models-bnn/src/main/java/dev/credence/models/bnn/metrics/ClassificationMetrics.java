package dev.credence.models.bnn.metrics;

import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.predict.ClassificationPrediction;
import java.util.Locale;

/**
 * Scores of a classification posterior predictive on held-out data.
 *
 * @param accuracy the fraction of examples whose most probable class is the label
 * @param logLikelihood the average log predictive probability of the label, {@code (1/N) sum_i log
 *     p(y_i | x_i)}
 * @param brier the Brier score {@code (1/N) sum_i sum_k (p_ik - [y_i = k])^2}, in [0, 2]
 * @param ece the expected calibration error of the reliability diagram
 * @param meanEntropy the average predictive entropy (nats)
 * @param meanMutualInformation the average mutual information (nats)
 * @param reliability the reliability diagram
 */
public record ClassificationMetrics(
        double accuracy,
        double logLikelihood,
        double brier,
        double ece,
        double meanEntropy,
        double meanMutualInformation,
        ReliabilityDiagram reliability) {

    /** The default number of reliability bins. */
    public static final int DEFAULT_BINS = 10;

    /**
     * Scores draws against labels with {@value #DEFAULT_BINS} reliability bins.
     *
     * @param draws the predictive draws
     * @param labels the labels {@code [N]}, in {@code 0..K-1}
     * @return the scores
     */
    public static ClassificationMetrics of(ClassificationDraws draws, int[] labels) {
        return of(draws.summarise(), labels, DEFAULT_BINS);
    }

    /**
     * Scores a predictive summary.
     *
     * @param p the predictive summary
     * @param labels the labels {@code [N]}
     * @param bins the number of reliability bins
     * @return the scores
     */
    public static ClassificationMetrics of(ClassificationPrediction p, int[] labels, int bins) {
        double[][] probs = p.probs();
        if (labels.length != probs.length) {
            throw new IllegalArgumentException(
                    "ClassificationMetrics: "
                            + labels.length
                            + " labels for "
                            + probs.length
                            + " rows");
        }
        int[] pred = p.predictedLabels();
        double acc = 0;
        double ll = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= probs[i].length) {
                throw new IllegalArgumentException(
                        "ClassificationMetrics: label "
                                + labels[i]
                                + " of example "
                                + i
                                + " is outside 0.."
                                + (probs[i].length - 1));
            }
            acc += pred[i] == labels[i] ? 1 : 0;
            ll += Math.log(probs[i][labels[i]]);
        }
        ReliabilityDiagram r = ReliabilityDiagram.of(probs, labels, bins);
        return new ClassificationMetrics(
                acc / labels.length,
                ll / labels.length,
                brier(probs, labels),
                r.ece(),
                RegressionMetrics.mean(p.entropy()),
                RegressionMetrics.mean(p.mutualInformation()),
                r);
    }

    /**
     * The multi-class Brier score.
     *
     * @param probs the predictive probabilities {@code [N][K]}
     * @param labels the labels {@code [N]}
     * @return {@code (1/N) sum_i sum_k (p_ik - [y_i = k])^2}
     */
    public static double brier(double[][] probs, int[] labels) {
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < probs[i].length; k++) {
                double e = probs[i][k] - (k == labels[i] ? 1 : 0);
                s += e * e;
            }
        }
        return s / labels.length;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "accuracy %.4f  test LL %.4f  Brier %.4f  ECE %.4f  entropy %.4f  MI %.4f",
                accuracy,
                logLikelihood,
                brier,
                ece,
                meanEntropy,
                meanMutualInformation);
    }
}
