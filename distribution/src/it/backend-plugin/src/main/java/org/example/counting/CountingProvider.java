package org.example.counting;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Backends;

/**
 * The {@code counting} backend: the {@code jvm} backend, found through the registry, with its
 * kernel calls counted. Its priority is below jvm's, so it runs only when named.
 */
public final class CountingProvider implements BackendProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public CountingProvider() {}

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public int priority() {
        return -10;
    }

    @Override
    public Availability availability() {
        return Backends.discover().find("jvm").isPresent()
                ? Availability.ok()
                : Availability.unavailable("it wraps the jvm backend, which is not installed");
    }

    @Override
    public String apiVersion() {
        return Backend.API_VERSION;
    }

    @Override
    public Backend create(BackendConfig config) {
        return new CountingBackend(Backends.discover().select("jvm", config));
    }
}
