package dev.credence.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exit codes of the {@code credence} command: one per kind of failure, so that a script can
 * tell a typo from damaged data from a busy output folder without reading messages. This enum is
 * the only list; {@code credence --help} prints it and the README's table is checked against {@link
 * #markdownTable()} by a test.
 *
 * <p>Commands return {@link #code()}; a failure that escapes a command is mapped to its code by
 * {@link ErrorHandler}.
 */
public enum ExitCode {
    /** Success. */
    OK(0, "success"),
    /** A bug: an error no check anticipated. */
    INTERNAL(1, "internal error (a bug): run again with --verbose and report the stack trace"),
    /** Bad command-line usage. */
    USAGE(
            2,
            "bad usage: an unknown command or option, a missing or malformed value, or a value"
                    + " outside its documented range"),
    /** The requested backend is unknown or cannot run here. */
    BACKEND_UNAVAILABLE(3, "the requested backend is unknown or cannot run on this machine"),
    /** Input data or a saved model cannot be used. */
    DATA(
            4,
            "input data or a saved model is missing, unreadable, damaged, or holds values that"
                    + " cannot be used (NaN, infinity, too large, wrong columns)"),
    /** A computation failed numerically. */
    NUMERICAL(
            5,
            "a computation failed numerically: a loss or gradient that is not finite, a diverged"
                    + " optimisation or sampler"),
    /** A calibration check ran and failed. */
    CALIBRATION_FAILED(6, "a calibration check ran and found the algorithm miscalibrated"),
    /** The output folder cannot be used for this run. */
    OUTPUT(
            7,
            "the output folder cannot be used: it holds another run (continue it with --resume or"
                    + " replace it with --force), another run is writing to it, or it cannot be"
                    + " written"),
    /** The request needs more memory or disk than there is. */
    RESOURCES(
            8,
            "the request needs more memory or disk space than is available (estimated before the"
                    + " work starts, or the JVM ran out of memory)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /**
     * Returns the process exit status.
     *
     * @return 0 to 8
     */
    public int code() {
        return code;
    }

    /**
     * Returns what the code means, in the words of the README.
     *
     * @return one sentence
     */
    public String meaning() {
        return meaning;
    }

    /**
     * Returns the README's table of exit codes.
     *
     * @return a Markdown table with a header row and one row per code
     */
    public static String markdownTable() {
        return Stream.of(values())
                .map(c -> "| " + c.code + " | " + c.meaning + " |")
                .collect(Collectors.joining("\n", "| exit code | meaning |\n|---|---|\n", "\n"));
    }
}
