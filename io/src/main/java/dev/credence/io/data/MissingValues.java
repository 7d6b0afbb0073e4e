package dev.credence.io.data;

/**
 * What {@link CsvReader} does with a cell that holds no finite number: {@code NaN}, an infinity
 * ({@code Inf}, or a decimal too large for a double such as {@code 1e400}), or, under {@link
 * #DROP_ROWS}, nothing at all.
 *
 * <p>Numerical code downstream cannot tell a missing value from a measured one, so a model fitted
 * or evaluated on such cells gives a confident answer that is silently wrong. Readers for modelling
 * use {@link #REJECT} (the error names the line and column) or {@link #DROP_ROWS} (the lines
 * dropped are reported in {@link CsvTable#dropped()}).
 */
public enum MissingValues {
    /** Read {@code NaN} and infinities as those values; an empty cell is an error. */
    KEEP,
    /** A cell that is not a finite number is an error naming its line and column. */
    REJECT,
    /** Skip every row with a cell that is empty or not a finite number, and report its line. */
    DROP_ROWS
}
