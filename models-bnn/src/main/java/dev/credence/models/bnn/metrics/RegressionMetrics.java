package dev.credence.models.bnn.metrics;

import dev.credence.models.bnn.predict.RegressionDraws;
import dev.credence.models.bnn.predict.RegressionPrediction;
import java.util.Locale;

/**
 * Scores of a regression posterior predictive on held-out data.
 *
 * @param rmse {@code sqrt((1/N) sum_i (y_i - mean_i)^2)}
 * @param logLikelihood the average log predictive density {@code (1/N) sum_i log p(y_i | x_i)}
 * @param coverage50 the fraction of targets inside the central 50% credible intervals
 * @param coverage90 the fraction inside the central 90% intervals
 * @param coverage95 the fraction inside the central 95% intervals
 * @param meanSd the average predictive standard deviation
 * @param n the number of examples
 */
public record RegressionMetrics(
        double rmse,
        double logLikelihood,
        double coverage50,
        double coverage90,
        double coverage95,
        double meanSd,
        int n) {

    /**
     * Scores draws against targets (in the same units).
     *
     * @param draws the predictive draws
     * @param y the targets {@code [N]}
     * @return the scores
     */
    public static RegressionMetrics of(RegressionDraws draws, double[] y) {
        RegressionPrediction p = draws.summarise();
        if (y.length != p.mean().length) {
            throw new IllegalArgumentException(
                    "RegressionMetrics: "
                            + y.length
                            + " targets for "
                            + p.mean().length
                            + " predictions");
        }
        return new RegressionMetrics(
                rmse(p.mean(), y),
                mean(p.logDensity(y)),
                coverage(p.interval(0.50), y),
                coverage(p.interval(0.90), y),
                coverage(p.interval(0.95), y),
                mean(p.sd()),
                y.length);
    }

    /**
     * The root mean squared error.
     *
     * @param prediction the predictions
     * @param y the targets
     * @return the RMSE
     */
    public static double rmse(double[] prediction, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - prediction[i];
            s += e * e;
        }
        return Math.sqrt(s / y.length);
    }

    /**
     * The fraction of targets inside intervals.
     *
     * @param interval {@code [2][N]}: lower bounds, upper bounds
     * @param y the targets
     * @return the coverage in [0, 1]
     */
    public static double coverage(double[][] interval, double[] y) {
        int in = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= interval[0][i] && y[i] <= interval[1][i]) {
                in++;
            }
        }
        return (double) in / y.length;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "RMSE %.4f  test LL %.4f  coverage 50/90/95%% %.2f/%.2f/%.2f  mean sd %.4f  (n=%d)",
                rmse,
                logLikelihood,
                coverage50,
                coverage90,
                coverage95,
                meanSd,
                n);
    }
}
