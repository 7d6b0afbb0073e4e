package dev.credence.api.backend;

/**
 * Whether a backend can run here, and if not, why not and what to do about it.
 *
 * @param available true if {@link BackendProvider#create(BackendConfig)} will succeed
 * @param reason empty when available; otherwise a sentence a user can act on
 */
public record Availability(boolean available, String reason) {

    private static final Availability OK = new Availability(true, "");

    /**
     * Returns the answer for a backend that can run.
     *
     * @return an available result
     */
    public static Availability ok() {
        return OK;
    }

    /**
     * Returns the answer for a backend that cannot run.
     *
     * @param reason what is missing and what the user can do
     * @return an unavailable result
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
