package dev.credence.io.data;

import java.util.Objects;

/**
 * How a numeric table is laid out in a text file: the delimiter, whether the first line is a
 * header, and which column (if any) holds the target.
 *
 * <p>Start from {@link #csv()} (commas, a header row) or {@link #whitespace()} (any run of spaces
 * and tabs, no header, the layout of the UCI benchmark files) and adjust with the {@code with}
 * methods; a format is immutable. Blank lines are always skipped and cells are trimmed. Cells that
 * hold no finite number are read as they are unless {@link #withMissing} says otherwise.
 *
 * <pre>{@code
 * CsvFormat uci = CsvFormat.whitespace().withTarget(-1);          // last column is the target
 * CsvFormat wine = CsvFormat.csv().withDelimiter(';').withTarget("quality");
 * }</pre>
 */
public final class CsvFormat {
    private static final char WHITESPACE = '\0';

    private final char delimiter;
    private final boolean header;
    private final String targetName;
    private final Integer targetIndex;
    private final MissingValues missing;

    private CsvFormat(
            char delimiter,
            boolean header,
            String targetName,
            Integer targetIndex,
            MissingValues missing) {
        this.delimiter = delimiter;
        this.header = header;
        this.targetName = targetName;
        this.targetIndex = targetIndex;
        this.missing = missing;
    }

    /**
     * Returns the comma-separated format with a header row and no target.
     *
     * @return the format
     */
    public static CsvFormat csv() {
        return new CsvFormat(',', true, null, null, MissingValues.KEEP);
    }

    /**
     * Returns the whitespace-separated format without a header row and no target: cells are split
     * on any run of spaces and tabs, and leading and trailing whitespace is ignored.
     *
     * @return the format
     */
    public static CsvFormat whitespace() {
        return new CsvFormat(WHITESPACE, false, null, null, MissingValues.KEEP);
    }

    /**
     * Sets the delimiter.
     *
     * @param c a single character, such as {@code ','}, {@code ';'} or {@code '\t'}
     * @return the new format
     */
    public CsvFormat withDelimiter(char c) {
        if (c == WHITESPACE || c == '"' || c == '\n' || c == '\r') {
            throw new IllegalArgumentException(
                    "csv format: the delimiter cannot be NUL, a quote or a line break; use"
                            + " whitespace() to split on runs of spaces and tabs");
        }
        return new CsvFormat(c, header, targetName, targetIndex, missing);
    }

    /**
     * Splits cells on any run of spaces and tabs.
     *
     * @return the new format
     */
    public CsvFormat withWhitespaceDelimiter() {
        return new CsvFormat(WHITESPACE, header, targetName, targetIndex, missing);
    }

    /**
     * Sets whether the first non-blank line names the columns.
     *
     * @param present true if there is a header row
     * @return the new format
     */
    public CsvFormat withHeader(boolean present) {
        return new CsvFormat(delimiter, present, targetName, targetIndex, missing);
    }

    /**
     * Makes the column with this header name the target; needs a header row.
     *
     * @param name the column name
     * @return the new format
     */
    public CsvFormat withTarget(String name) {
        return new CsvFormat(delimiter, header, Objects.requireNonNull(name), null, missing);
    }

    /**
     * Makes the column at this index the target.
     *
     * @param index the 0-based column index; negative counts from the end (-1 is the last)
     * @return the new format
     */
    public CsvFormat withTarget(int index) {
        return new CsvFormat(delimiter, header, null, index, missing);
    }

    /**
     * Removes the target: every column is a feature.
     *
     * @return the new format
     */
    public CsvFormat withoutTarget() {
        return new CsvFormat(delimiter, header, null, null, missing);
    }

    /**
     * Sets what to do with cells that hold no finite number ({@link MissingValues#KEEP} unless
     * set).
     *
     * @param policy the policy
     * @return the new format
     */
    public CsvFormat withMissing(MissingValues policy) {
        return new CsvFormat(
                delimiter, header, targetName, targetIndex, Objects.requireNonNull(policy));
    }

    /**
     * Returns what to do with cells that hold no finite number.
     *
     * @return the policy
     */
    public MissingValues missing() {
        return missing;
    }

    /**
     * Tells whether the first non-blank line is a header row.
     *
     * @return true if there is a header
     */
    public boolean header() {
        return header;
    }

    /**
     * Tells whether cells are split on runs of whitespace.
     *
     * @return true for whitespace-separated files
     */
    public boolean splitsOnWhitespace() {
        return delimiter == WHITESPACE;
    }

    /**
     * Returns the delimiter character.
     *
     * @return the delimiter, meaningless when {@link #splitsOnWhitespace()}
     */
    public char delimiter() {
        return delimiter;
    }

    String targetName() {
        return targetName;
    }

    Integer targetIndex() {
        return targetIndex;
    }

    @Override
    public String toString() {
        return "CsvFormat[delimiter="
                + (delimiter == WHITESPACE ? "whitespace" : "'" + delimiter + "'")
                + ", header="
                + header
                + (targetName != null ? ", target=" + targetName : "")
                + (targetIndex != null ? ", target=#" + targetIndex : "")
                + ", missing="
                + missing
                + "]";
    }
}
