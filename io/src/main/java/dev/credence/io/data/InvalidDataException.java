package dev.credence.io.data;

/**
 * Data that was read correctly but cannot be used as asked: a label that is not a class index, a
 * column whose values are too large to standardise, columns that do not match the ones a model was
 * fitted on. The message names the data (a file, or what the data is), the row or column, what was
 * expected and what was found.
 *
 * <p>It is an {@link IllegalArgumentException}, so code that validates arguments keeps working;
 * callers that report errors can tell bad data from a bad argument by this type.
 */
public class InvalidDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source the file or data set, as the user knows it
     * @param problem what is wrong, with where, expected and found
     */
    public InvalidDataException(String source, String problem) {
        super(source + ": " + problem);
    }
}
