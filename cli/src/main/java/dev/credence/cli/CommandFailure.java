package dev.credence.cli;

/**
 * A failure that a command detected and classified itself: the message is the one line the user
 * sees, the code is the exit status. Thrown at the command line's boundary (option values, output
 * folders, resource estimates); failures from the library are classified by {@link ErrorHandler}.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exit code; enums are serializable. */
    private final ExitCode code;

    /**
     * Creates the failure.
     *
     * @param code the exit code
     * @param message what went wrong, what was expected and what to do
     */
    public CommandFailure(ExitCode code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * Returns the exit code.
     *
     * @return the code
     */
    public ExitCode code() {
        return code;
    }

    /**
     * A bad option value.
     *
     * @param message names the option, the allowed values and the value found
     * @return the failure ({@link ExitCode#USAGE})
     */
    public static CommandFailure usage(String message) {
        return new CommandFailure(ExitCode.USAGE, message);
    }

    /**
     * A request larger than the memory or disk available.
     *
     * @param message what was estimated against what is available, and what to change
     * @return the failure ({@link ExitCode#RESOURCES})
     */
    public static CommandFailure resources(String message) {
        return new CommandFailure(ExitCode.RESOURCES, message);
    }
}
