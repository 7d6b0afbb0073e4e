package dev.credence.models.bnn.fit;

import dev.credence.io.data.CsvWriter;
import dev.credence.models.bnn.metrics.ClassificationMetrics;
import dev.credence.models.bnn.metrics.RegressionMetrics;
import dev.credence.models.bnn.predict.PredictiveDraws;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<List<String>> table = new ArrayList<>(rows.length);
        for (double[] r : rows) {
            List<String> cells = new ArrayList<>(r.length);
            for (double v : r) {
                cells.add(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            table.add(cells);
        }
        CsvWriter.write(file, columns, table);
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
