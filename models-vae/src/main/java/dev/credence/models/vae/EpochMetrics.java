package dev.credence.models.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one training epoch did, in nats per example.
 *
 * @param epoch the epoch, counting from 1
 * @param steps the optimisation steps taken so far, in total
 * @param trainLoss minus the training objective per example, averaged over the epoch's steps (at
 *     the params before each step, as PyTorch's example reports it): the negative ELBO, with the KL
 *     part weighed by beta, or minus the IWAE bound when training with several particles
 * @param testLoss the mean negative ELBO of the test examples after the epoch (beta = 1, analytic
 *     KL, one draw of z): the test loss of PyTorch's example
 * @param testLogLikelihood the mean reconstruction term {@code log p(x | z)} of the test examples
 * @param testKl the mean KL term of the test examples
 * @param trainSeconds the wall time of the epoch's training
 * @param evalSeconds the wall time of the test evaluation after it
 */
public record EpochMetrics(
        int epoch,
        long steps,
        double trainLoss,
        double testLoss,
        double testLogLikelihood,
        double testKl,
        double trainSeconds,
        double evalSeconds) {

    /** The column names, in {@link #values()} order. */
    public static final List<String> COLUMNS =
            List.of(
                    "epoch",
                    "steps",
                    "train_loss",
                    "test_loss",
                    "test_log_likelihood",
                    "test_kl",
                    "train_seconds",
                    "eval_seconds");

    /**
     * Returns the values by column.
     *
     * @return an insertion-ordered map, as written to JSON
     */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("steps", steps);
        m.put("train_loss", finite(trainLoss));
        m.put("test_loss", finite(testLoss));
        m.put("test_log_likelihood", finite(testLogLikelihood));
        m.put("test_kl", finite(testKl));
        m.put("train_seconds", trainSeconds);
        m.put("eval_seconds", evalSeconds);
        return m;
    }

    /** JSON has no NaN: unknown values are written as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Reads the values back from a map as {@link #values()} wrote it (numbers may come back as
     * {@code Long} or {@code Double}, nulls as NaN).
     *
     * @param m the map
     * @return the metrics
     * @throws IllegalArgumentException naming a missing column
     */
    public static EpochMetrics fromValues(Map<String, ?> m) {
        return new EpochMetrics(
                (int) number(m, "epoch"),
                (long) number(m, "steps"),
                number(m, "train_loss"),
                number(m, "test_loss"),
                number(m, "test_log_likelihood"),
                number(m, "test_kl"),
                number(m, "train_seconds"),
                number(m, "eval_seconds"));
    }

    private static double number(Map<String, ?> m, String key) {
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException(
                    "epoch metrics: missing '" + key + "' among " + m.keySet());
        }
        Object v = m.get(key);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
