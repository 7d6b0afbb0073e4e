package dev.credence.io;

import java.io.IOException;

/**
 * A file that could be read but does not hold what its format promises: a wrong magic number, a
 * truncated array, a cell that is not a number, a checksum that does not match.
 *
 * <p>The message names the file, the place in it where that helps (a row, a column, an offset),
 * what was expected and what was found, so that a user can fix the file without reading code.
 */
public class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param source the file (or stream) name, as the user knows it
     * @param problem what was wrong, with expected and found values
     */
    public FileFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /**
     * Creates the exception with a cause, such as a gzip or number-format error.
     *
     * @param source the file (or stream) name, as the user knows it
     * @param problem what was wrong, with expected and found values
     * @param cause the underlying error
     */
    public FileFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /**
     * Returns the file or stream name.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns the description of the problem, without the file name.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
