package dev.credence.spark.predict;

import dev.credence.spark.HostValue;
import dev.credence.spark.ShardModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything an executor needs to predict: the model over a block of rows, the posterior draws of
 * its latent sites, the site to predict, the quantiles wanted and how many rows go through the
 * model at once. Broadcast once per prediction.
 *
 * @param model the model over a block of rows, without targets
 * @param draws posterior draws of the model's latent sites, each with a leading axis of {@code S}
 *     draws
 * @param site the predicted site (the likelihood's; {@code y} for a BNN)
 * @param features the feature columns, in the model's order
 * @param quantiles the predictive quantiles to add, each in (0, 1)
 * @param backend the backend the executors compute on
 * @param batchRows rows per model run, at least 1
 * @param prefix the prefix of the added columns ({@code <prefix>_mean}, ...)
 */
public record PredictionSpec(
        ShardModel model,
        Map<String, HostValue> draws,
        String site,
        List<String> features,
        double[] quantiles,
        String backend,
        int batchRows,
        String prefix)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the settings.
     *
     * @param model the model
     * @param draws the posterior draws
     * @param site the predicted site
     * @param features the feature columns
     * @param quantiles the quantiles
     * @param backend the backend name
     * @param batchRows rows per model run
     * @param prefix the column prefix
     */
    public PredictionSpec {
        draws = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(draws));
        features = List.copyOf(features);
        quantiles = quantiles.clone();
        if (draws.isEmpty()) {
            throw new IllegalArgumentException("prediction: no posterior draws");
        }
        int s = -1;
        for (var e : draws.entrySet()) {
            int[] shape = e.getValue().shape();
            if (shape.length == 0 || (s >= 0 && shape[0] != s)) {
                throw new IllegalArgumentException(
                        "prediction: every site needs the same leading number of draws; site '"
                                + e.getKey()
                                + "' has shape "
                                + java.util.Arrays.toString(shape));
            }
            s = shape[0];
        }
        for (double q : quantiles) {
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException(
                        "prediction: quantiles must be in (0, 1), found " + q);
            }
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException(
                    "prediction: batch rows must be >= 1, found " + batchRows);
        }
    }

    /**
     * Returns the number of posterior draws.
     *
     * @return S
     */
    public int drawCount() {
        return draws.values().iterator().next().shape()[0];
    }

    /**
     * Returns the names of the added columns, in order: mean, sd, epistemic sd, aleatoric sd, then
     * one per quantile ({@code q05} for 0.05, {@code q2_5} for 0.025).
     *
     * @return the column names
     */
    public List<String> columns() {
        List<String> out = new java.util.ArrayList<>();
        for (String c : List.of("mean", "sd", "epistemic_sd", "aleatoric_sd")) {
            out.add(prefix + "_" + c);
        }
        for (double q : quantiles) {
            String pct =
                    new java.math.BigDecimal(Double.toString(100 * q))
                            .stripTrailingZeros()
                            .toPlainString();
            out.add(prefix + "_q" + (pct.length() == 1 ? "0" + pct : pct).replace('.', '_'));
        }
        return out;
    }
}
