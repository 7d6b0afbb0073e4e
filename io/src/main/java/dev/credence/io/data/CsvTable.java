package dev.credence.io.data;

import dev.credence.io.HostArray;
import java.util.List;

/**
 * A numeric table read by {@link CsvReader}: the column names, the values, the file line of each
 * row (for messages about a row) and the lines dropped for missing values ({@link
 * MissingValues#DROP_ROWS}).
 *
 * @param columns the names from the header row, or {@code "0"}, {@code "1"}, ... without one
 * @param values a FLOAT64 array of shape {@code [rows, columns]}
 * @param lines the 1-based file line of each row
 * @param dropped the 1-based lines skipped for missing values, in file order
 */
public record CsvTable(List<String> columns, HostArray values, int[] lines, List<Integer> dropped) {

    /**
     * Copies the lists and checks that there is a line per row.
     *
     * @param columns the names from the header row, or {@code "0"}, {@code "1"}, ... without one
     * @param values a FLOAT64 array of shape {@code [rows, columns]}
     * @param lines the 1-based file line of each row
     * @param dropped the 1-based lines skipped for missing values
     */
    public CsvTable {
        columns = List.copyOf(columns);
        lines = lines.clone();
        dropped = List.copyOf(dropped);
        if (lines.length != values.shape().dim(0)) {
            throw new IllegalArgumentException(
                    "CsvTable: "
                            + lines.length
                            + " line numbers for "
                            + values.shape().dim(0)
                            + " rows");
        }
    }

    /**
     * A table whose rows are lines 1, 2, ... and nothing dropped.
     *
     * @param columns the column names
     * @param values a FLOAT64 array of shape {@code [rows, columns]}
     */
    public CsvTable(List<String> columns, HostArray values) {
        this(
                columns,
                values,
                java.util.stream.IntStream.rangeClosed(1, values.shape().dim(0)).toArray(),
                List.of());
    }

    /**
     * Returns the number of data rows.
     *
     * @return the rows
     */
    public int rows() {
        return values.shape().dim(0);
    }

    /**
     * Returns the file line of each row.
     *
     * @return a copy
     */
    @Override
    public int[] lines() {
        return lines.clone();
    }
}
