package dev.credence.tck;

import dev.credence.api.backend.Backend;

/**
 * What every contract of the kit needs: the backend under test. Implemented by {@link
 * BackendConformanceKit}; a backend author never implements this directly.
 */
public interface KitFixture {
    /**
     * Returns the backend under test (one instance for the whole kit run).
     *
     * @return the backend
     */
    Backend backend();
}
