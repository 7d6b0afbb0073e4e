package dev.credence.models.vae;

import dev.credence.io.AtomicFiles;
import dev.credence.io.Json;
import dev.credence.io.data.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the per-epoch metrics of a run as {@value #CSV} (one row per epoch, for spreadsheets and
 * plots) and {@value #JSON} (a list of objects, for programs). Both files are rewritten atomically
 * after every epoch, so a reader never sees half a file.
 */
final class MetricsLog {
    /** The CSV file name. */
    static final String CSV = "metrics.csv";

    /** The JSON file name. */
    static final String JSON = "metrics.json";

    private MetricsLog() {}

    /**
     * Writes both files.
     *
     * @param dir the folder
     * @param history the epochs so far
     * @throws IOException if writing fails
     */
    static void write(Path dir, List<EpochMetrics> history) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (EpochMetrics m : history) {
            Map<String, Object> v = m.values();
            rows.add(v);
            List<String> cells = new ArrayList<>();
            for (String c : EpochMetrics.COLUMNS) {
                cells.add(cell(v.get(c)));
            }
            table.add(cells);
        }
        CsvWriter.write(dir.resolve(CSV), EpochMetrics.COLUMNS, table);
        AtomicFiles.writeString(dir.resolve(JSON), Json.write(rows) + "\n");
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return v.toString();
    }
}
