package dev.credence.models.bnn.fit;

import dev.credence.io.FileFormatException;
import dev.credence.io.HostArray;
import dev.credence.io.data.CsvFormat;
import dev.credence.io.data.CsvReader;
import dev.credence.io.data.CsvTable;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.InvalidDataException;
import dev.credence.io.data.MissingValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for a network: its feature columns by name, the target column if any, and where each row
 * came from, so that every complaint about the data can name a column and a line.
 *
 * <pre>{@code
 * TableInput train = TableInput.read(Path.of("train.csv"), "y", true, MissingValues.REJECT);
 * TableInput test = TableInput.read(Path.of("test.csv"), "y", false, MissingValues.REJECT)
 *         .matching(net.features(), net.inputs()); // the fitted columns, in the fitted order
 * }</pre>
 *
 * @param source the file, as the user named it
 * @param data features {@code [rows, features]} and targets {@code [rows]} if there is a target
 * @param features the feature columns' names, in the order of {@code data}'s columns
 * @param target the target column's name, or null
 * @param lines the file line of each row
 * @param dropped the lines dropped for missing values
 */
public record TableInput(
        String source,
        Dataset data,
        List<String> features,
        String target,
        int[] lines,
        List<Integer> dropped) {

    /**
     * Copies the lists.
     *
     * @param source the file
     * @param data the data
     * @param features the feature names
     * @param target the target name or null
     * @param lines the line of each row
     * @param dropped the dropped lines
     */
    public TableInput {
        features = List.copyOf(features);
        lines = lines.clone();
        dropped = List.copyOf(dropped);
    }

    /**
     * Wraps a data set that did not come from a file: columns {@code x0, x1, ...}, rows by number.
     *
     * @param d the data set
     * @return the table
     */
    public static TableInput of(Dataset d) {
        int n = d.size();
        int k = n == 0 ? 0 : d.features().size() / n;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            names.add("x" + j);
        }
        int[] rows = java.util.stream.IntStream.rangeClosed(1, n).toArray();
        return new TableInput(
                "the data", d, names, d.targets().isPresent() ? "y" : null, rows, List.of());
    }

    /**
     * Reads a CSV file with a header row.
     *
     * @param file the file
     * @param target the target column, or null for none
     * @param required whether a named target must be present (when not, a missing one is ignored)
     * @param missing what to do with cells that hold no finite number
     * @return the table
     * @throws FileFormatException for a bad cell or header, or a missing required target
     * @throws IOException if the file cannot be read
     */
    public static TableInput read(Path file, String target, boolean required, MissingValues missing)
            throws IOException {
        String src = file.toString();
        CsvTable t = CsvReader.readTable(file, CsvFormat.csv().withMissing(missing));
        List<String> cols = t.columns();
        int ti = target == null ? -1 : cols.indexOf(target);
        if (target != null && ti < 0 && required) {
            throw new FileFormatException(
                    src, "no column named '" + target + "'; the header names " + cols);
        }
        int rows = t.rows();
        int w = cols.size();
        int k = w - (ti < 0 ? 0 : 1);
        double[] all = t.values().toDoubleArray();
        double[] x = new double[rows * k];
        double[] y = new double[rows];
        List<String> names = new ArrayList<>(cols);
        if (ti >= 0) {
            names.remove(ti);
        }
        for (int r = 0; r < rows; r++) {
            int c2 = 0;
            for (int c = 0; c < w; c++) {
                if (c == ti) {
                    y[r] = all[r * w + c];
                } else {
                    x[r * k + c2++] = all[r * w + c];
                }
            }
        }
        Dataset d =
                ti < 0
                        ? Dataset.of(HostArray.ofDoubles(x, rows, k))
                        : Dataset.of(HostArray.ofDoubles(x, rows, k), HostArray.ofDoubles(y, rows));
        return new TableInput(src, d, names, ti < 0 ? null : target, t.lines(), t.dropped());
    }

    /**
     * Returns this table with its feature columns in the order a network was fitted on, matched by
     * name.
     *
     * @param fitted the fitted feature names, or null for a network saved without names (then only
     *     the number of columns is checked)
     * @param inputs the number of features the network takes
     * @return the reordered table
     * @throws InvalidDataException naming the columns that are missing or extra
     */
    public TableInput matching(List<String> fitted, int inputs) {
        if (fitted == null) {
            if (features.size() != inputs) {
                throw mismatch("the network was fitted on " + inputs + " feature columns");
            }
            return this;
        }
        List<String> missingCols = new ArrayList<>(fitted);
        missingCols.removeAll(features);
        List<String> extra = new ArrayList<>(features);
        extra.removeAll(fitted);
        if (!missingCols.isEmpty() || !extra.isEmpty()) {
            throw mismatch(
                    "the network was fitted on the feature columns "
                            + quoted(fitted)
                            + (missingCols.isEmpty()
                                    ? ""
                                    : "; missing here: " + quoted(missingCols))
                            + (extra.isEmpty()
                                    ? ""
                                    : "; not used by the network: "
                                            + quoted(extra)
                                            + " (give the target with --target, or drop them)"));
        }
        if (features.equals(fitted)) {
            return this;
        }
        int n = data.size();
        int k = fitted.size();
        double[] x = data.features().toDoubleArray();
        double[] out = new double[n * k];
        for (int j = 0; j < k; j++) {
            int from = features.indexOf(fitted.get(j));
            for (int r = 0; r < n; r++) {
                out[r * k + j] = x[r * k + from];
            }
        }
        HostArray f = HostArray.ofDoubles(out, n, k);
        Dataset d = data.targets().map(t -> Dataset.of(f, t)).orElseGet(() -> Dataset.of(f));
        return new TableInput(source, d, fitted, target, lines, dropped);
    }

    private InvalidDataException mismatch(String what) {
        return new InvalidDataException(
                source,
                what
                        + ", this file has "
                        + quoted(features)
                        + (target == null ? "" : " and the target '" + target + "'"));
    }

    private static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        names.forEach(n -> q.add("'" + n + "'"));
        return String.join(", ", q);
    }

    /**
     * Names a row for a message.
     *
     * @param row the 0-based row
     * @return {@code line N}
     */
    public String where(int row) {
        return "line " + lines[row];
    }

    /**
     * Returns the line of each row.
     *
     * @return a copy
     */
    @Override
    public int[] lines() {
        return lines.clone();
    }
}
