package dev.credence.io.data;

import dev.credence.io.FileFormatException;
import dev.credence.io.HostArray;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads numeric tables from delimited text files, as laid out by a {@link CsvFormat}.
 *
 * <p>Every cell must be a decimal number ({@code 12}, {@code -0.5}, {@code 1e-3}) or one of {@code
 * NaN}, {@code Inf}, {@code -Inf} (any case). A cell that is not is reported with the file, the
 * line number, the column (by number and, with a header, by name) and the offending text; so is a
 * row whose number of cells differs from the first row's, a header that names a column twice, and a
 * file with no data rows. Blank lines are skipped. Cells that hold no finite number are kept,
 * rejected or make their row dropped, as the format's {@link MissingValues} policy says.
 *
 * <pre>{@code
 * Dataset yacht = CsvReader.read(uci.resolve("yacht/data.txt"), CsvFormat.whitespace().withTarget(-1));
 * // features FLOAT64 [308, 6], targets FLOAT64 [308]
 * }</pre>
 */
public final class CsvReader {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvReader() {}

    /**
     * Reads a table and splits off the target column that the format names, if any.
     *
     * @param file the file
     * @param format the layout
     * @return features FLOAT64 {@code [rows, columns]} (less the target) and, with a target,
     *     targets FLOAT64 {@code [rows]}
     * @throws FileFormatException for a bad cell, a ragged row or an unknown target column
     * @throws IOException if the file cannot be read
     */
    public static Dataset read(Path file, CsvFormat format) throws IOException {
        CsvTable t = readTable(file, format);
        int target = targetColumn(t, format, file.toString());
        if (target < 0) {
            return Dataset.of(t.values());
        }
        int rows = t.rows();
        int cols = t.columns().size();
        double[] all = t.values().toDoubleArray();
        double[] x = new double[rows * (cols - 1)];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            int k = 0;
            for (int c = 0; c < cols; c++) {
                double v = all[r * cols + c];
                if (c == target) {
                    y[r] = v;
                } else {
                    x[r * (cols - 1) + k++] = v;
                }
            }
        }
        return Dataset.of(HostArray.ofDoubles(x, rows, cols - 1), HostArray.ofDoubles(y, rows));
    }

    /**
     * Reads a whole table, ignoring the format's target.
     *
     * @param file the file
     * @param format the layout
     * @return the column names and the values
     * @throws FileFormatException for a bad cell or a ragged row
     * @throws IOException if the file cannot be read
     */
    public static CsvTable readTable(Path file, CsvFormat format) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readTable(r, file.toString(), format);
        }
    }

    /**
     * Reads a whole table from a reader, which is read to its end but not closed.
     *
     * @param in the text
     * @param source the name to use in error messages
     * @param format the layout
     * @return the column names and the values
     * @throws FileFormatException for a bad cell or a ragged row
     * @throws IOException if the text cannot be read
     */
    public static CsvTable readTable(Reader in, String source, CsvFormat format)
            throws IOException {
        List<String> names = null;
        int width = -1;
        int widthLine = 0;
        double[] values = new double[1024];
        int[] lines = new int[64];
        List<Integer> dropped = new ArrayList<>();
        int n = 0;
        int rows = 0;
        Records records = new Records(in, source, format);
        for (String[] cells; (cells = records.next()) != null; ) {
            int lineNo = records.line();
            if (names == null && format.header()) {
                names = header(cells, source, lineNo);
                width = cells.length;
                widthLine = lineNo;
                continue;
            }
            if (width < 0) {
                width = cells.length;
                widthLine = lineNo;
            } else if (cells.length != width) {
                throw new FileFormatException(
                        source,
                        "line "
                                + lineNo
                                + " has "
                                + cells.length
                                + " cells, expected "
                                + width
                                + " like line "
                                + widthLine);
            }
            if (n + width > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, n + width));
            }
            boolean keep = true;
            for (int c = 0; c < width; c++) {
                double v = cell(cells[c], source, lineNo, c, names, format.missing());
                keep &= Double.isFinite(v) || format.missing() == MissingValues.KEEP;
                values[n + c] = v;
            }
            if (!keep) {
                dropped.add(lineNo);
                continue;
            }
            n += width;
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, 2 * lines.length);
            }
            lines[rows++] = lineNo;
        }
        if (width < 0) {
            throw new FileFormatException(source, "no rows: the file is empty or blank");
        }
        if (rows == 0) {
            throw new FileFormatException(
                    source,
                    dropped.isEmpty()
                            ? "no data rows: the header names " + names + ", but no rows follow"
                            : "no data rows left: every row has a missing value (lines "
                                    + dropped
                                    + ")");
        }
        if (names == null) {
            names = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                names.add(Integer.toString(c));
            }
        }
        return new CsvTable(
                names,
                HostArray.ofDoubles(Arrays.copyOf(values, n), rows, width),
                Arrays.copyOf(lines, rows),
                dropped);
    }

    private static List<String> header(String[] cells, String source, int line)
            throws FileFormatException {
        List<String> names = List.of(cells);
        for (int c = 0; c < cells.length; c++) {
            int first = names.indexOf(cells[c]);
            if (first != c) {
                throw new FileFormatException(
                        source,
                        "line "
                                + line
                                + ": the header names column '"
                                + cells[c]
                                + "' twice (columns "
                                + (first + 1)
                                + " and "
                                + (c + 1)
                                + "); columns are chosen by name, so names must differ");
            }
        }
        return names;
    }

    private static double cell(
            String s, String src, int line, int col, List<String> names, MissingValues missing)
            throws FileFormatException {
        String where =
                "line "
                        + line
                        + ", column "
                        + (col + 1)
                        + (names != null ? " ('" + names.get(col) + "')" : "");
        double v;
        if (DECIMAL.matcher(s).matches()) {
            v = Double.parseDouble(s);
        } else {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "nan" -> v = Double.NaN;
                case "inf", "+inf", "infinity", "+infinity" -> v = Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> v = Double.NEGATIVE_INFINITY;
                default -> {
                    if (s.isEmpty() && missing == MissingValues.DROP_ROWS) {
                        return Double.NaN;
                    }
                    throw new FileFormatException(
                            src,
                            where
                                    + ": "
                                    + (s.isEmpty()
                                            ? "the cell is empty"
                                            : "cannot read '" + s + "' as a number")
                                    + "; every cell must be a decimal number, NaN or Inf"
                                    + delimiterHint(s));
                }
            }
        }
        if (!Double.isFinite(v) && missing == MissingValues.REJECT) {
            throw new FileFormatException(
                    src,
                    where
                            + ": '"
                            + s
                            + "' is not a finite number"
                            + (Double.isNaN(v) ? " (a missing value)" : "")
                            + "; this table needs a finite number in every cell");
        }
        return v;
    }

    /** A hint when a cell looks like a whole row split by another delimiter. */
    private static String delimiterHint(String cell) {
        for (char d : new char[] {';', '\t', ',', '|'}) {
            if (cell.indexOf(d) > 0) {
                return " (the cells seem to be separated by '"
                        + (d == '\t' ? "\\t" : String.valueOf(d))
                        + "', which this format does not split on)";
            }
        }
        return "";
    }

    private static int targetColumn(CsvTable t, CsvFormat f, String src)
            throws FileFormatException {
        int cols = t.columns().size();
        if (f.targetName() != null) {
            if (!f.header()) {
                throw new FileFormatException(
                        src,
                        "target column '"
                                + f.targetName()
                                + "' is given by name, but the format has no header row; give its index");
            }
            int i = t.columns().indexOf(f.targetName());
            if (i < 0) {
                throw new FileFormatException(
                        src,
                        "no column named '"
                                + f.targetName()
                                + "'; the header names "
                                + t.columns());
            }
            return i;
        }
        if (f.targetIndex() == null) {
            return -1;
        }
        int i = f.targetIndex() < 0 ? cols + f.targetIndex() : f.targetIndex();
        if (i < 0 || i >= cols) {
            throw new FileFormatException(
                    src,
                    "target column "
                            + f.targetIndex()
                            + " is out of"
                            + " range: rows have "
                            + cols
                            + " columns (0 to "
                            + (cols - 1)
                            + ", or -1 to -"
                            + cols
                            + " from the end)");
        }
        return i;
    }
}
