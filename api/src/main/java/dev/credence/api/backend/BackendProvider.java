package dev.credence.api.backend;

/**
 * A plugged-in backend as the registry sees it: a name, a priority, an answer to "can you run
 * here?" and a lazy factory.
 *
 * <p>Providers are found by {@link java.util.ServiceLoader} and must be cheap to construct: no
 * native library is loaded until {@link #availability()} or {@link #create(BackendConfig)} is
 * called, and {@link #availability()} never throws (a failed native load is an unavailable answer
 * with the reason). See {@link Backend} for a complete example.
 */
public interface BackendProvider {

    /**
     * Returns the name users select the backend by (lower case, e.g. {@code jvm}, {@code djl-gpu}).
     *
     * @return the name
     */
    String name();

    /**
     * Returns the rank used when no backend is named: the available provider with the highest
     * priority wins.
     *
     * @return the priority
     */
    int priority();

    /**
     * Tells whether the backend can run on this machine, and if not why and what to do. Must not
     * throw.
     *
     * @return the availability
     */
    Availability availability();

    /**
     * Returns the version of the backend SPI this provider was built against ({@link
     * Backend#API_VERSION} at its build time).
     *
     * @return a version such as {@code 1.0}
     */
    String apiVersion();

    /**
     * Creates a backend instance.
     *
     * @param config backend options
     * @return the backend
     * @throws IllegalStateException if the backend is unavailable
     */
    Backend create(BackendConfig config);
}
