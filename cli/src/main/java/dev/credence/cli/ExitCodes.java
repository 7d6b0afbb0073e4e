package dev.credence.cli;

/** The process exit codes of the {@code credence} command; each failure kind has its own. */
public final class ExitCodes {
    private ExitCodes() {}

    /** Success. */
    public static final int OK = 0;

    /** An unexpected internal error (a bug: run again with --verbose and report it). */
    public static final int INTERNAL = 1;

    /** Bad command-line usage: unknown option, missing or malformed value. */
    public static final int USAGE = 2;

    /** The requested backend is unknown or unavailable here. */
    public static final int BACKEND_UNAVAILABLE = 3;

    /** Input data is missing, unreadable or corrupt. */
    public static final int DATA = 4;

    /** A computation failed numerically (for example a non-finite loss). */
    public static final int NUMERICAL = 5;

    /** A calibration check ran and found the algorithm miscalibrated. */
    public static final int CALIBRATION_FAILED = 6;
}
