package dev.credence.models.bnn.fit;

import dev.credence.models.bnn.metrics.ClassificationMetrics;
import dev.credence.models.bnn.metrics.RegressionMetrics;
import dev.credence.models.bnn.predict.PredictiveDraws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Per-row predictions in original units, with metrics when the data had targets.
 *
 * <p>Regression columns: {@code mean, sd, aleatoric_sd, epistemic_sd, lower, upper} (the central
 * credible interval at the requested level) and {@code y}. Classification columns: {@code p0 ..
 * p(K-1), predicted, entropy, mutual_information} and {@code y}.
 *
 * @param columns the column names
 * @param rows the values, one array per row
 * @param draws the predictive draws behind the table (original units)
 * @param regression the regression metrics, or null
 * @param classification the classification metrics, or null
 */
public record PredictionTable(
        List<String> columns,
        double[][] rows,
        PredictiveDraws draws,
        RegressionMetrics regression,
        ClassificationMetrics classification) {

    /**
     * Writes the table as CSV with a header line.
     *
     * @param file the file (folders are created)
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (double[] r : rows) {
            for (int j = 0; j < r.length; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(Double.isNaN(r[j]) ? "" : String.format(Locale.ROOT, "%.6g", r[j]));
            }
            sb.append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /**
     * The metrics as one line, or a note that there were no targets.
     *
     * @return the summary
     */
    public String metricsLine() {
        if (regression != null) {
            return regression.toString();
        }
        if (classification != null) {
            return classification.toString();
        }
        return "no targets: no metrics";
    }
}
