package dev.credence.models.vae;

import dev.credence.io.AtomicFiles;
import dev.credence.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Small text outputs of a run, each written atomically. */
final class Reports {
    private Reports() {}

    /**
     * Writes one anomaly score per example: {@code index,label,score}.
     *
     * @param file the CSV file
     * @param scores the scores
     * @param labels the labels, or null (the column is then empty)
     * @return the file
     * @throws IOException if writing fails
     */
    static Path anomalyScores(Path file, double[] scores, int[] labels) throws IOException {
        StringBuilder sb = new StringBuilder("index,label,score\n");
        for (int i = 0; i < scores.length; i++) {
            sb.append(i)
                    .append(',')
                    .append(labels == null ? "" : Integer.toString(labels[i]))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.4f", scores[i]))
                    .append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
        return file;
    }

    /**
     * Writes a JSON object.
     *
     * @param file the file
     * @param values the members
     * @return the file
     * @throws IOException if writing fails
     */
    static Path json(Path file, Map<String, Object> values) throws IOException {
        AtomicFiles.writeString(file, Json.write(values) + "\n");
        return file;
    }
}
