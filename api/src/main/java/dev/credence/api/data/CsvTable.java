package dev.credence.api.data;

import dev.credence.api.io.HostArray;
import java.util.List;

/**
 * A numeric table read by {@link CsvReader}: the column names and the values.
 *
 * @param columns the names from the header row, or {@code "0"}, {@code "1"}, ... without one
 * @param values a FLOAT64 array of shape {@code [rows, columns]}
 */
public record CsvTable(List<String> columns, HostArray values) {

    /**
     * Copies the column names.
     *
     * @param columns the names from the header row, or {@code "0"}, {@code "1"}, ... without one
     * @param values a FLOAT64 array of shape {@code [rows, columns]}
     */
    public CsvTable {
        columns = List.copyOf(columns);
    }

    /**
     * Returns the number of data rows.
     *
     * @return the rows
     */
    public int rows() {
        return values.shape().dim(0);
    }
}
