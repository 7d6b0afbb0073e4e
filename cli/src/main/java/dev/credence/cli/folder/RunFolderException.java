package dev.credence.cli.folder;

/**
 * An output folder that cannot be used for a run, with a message that names the folder, what is in
 * the way and what to do about it.
 */
public final class RunFolderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the folder cannot be used. */
    public enum Kind {
        /** It cannot be created or written: a file is in the way, or permissions forbid it. */
        UNUSABLE,
        /** Another process is writing to it. */
        IN_USE,
        /** It holds another run, and the command neither replaces nor continues it. */
        OCCUPIED,
        /** It holds a run to continue, but with other settings, data or seed. */
        MISMATCH,
        /** A folder that must exist (to add to its run) does not. */
        MISSING,
        /** Its file system has less free space than the run needs. */
        NO_SPACE
    }

    /** The kind; enums are serializable. */
    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind why the folder cannot be used
     * @param message the folder, the obstacle and the remedy
     */
    public RunFolderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param kind why the folder cannot be used
     * @param message the folder, the obstacle and the remedy
     * @param cause the underlying error
     */
    public RunFolderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /**
     * Returns why the folder cannot be used.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
