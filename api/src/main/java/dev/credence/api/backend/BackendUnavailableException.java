package dev.credence.api.backend;

/** Thrown when a requested backend is unknown or cannot run here; the message says why. */
public final class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was asked for, why it failed, and what is available
     */
    public BackendUnavailableException(String message) {
        super(message);
    }
}
