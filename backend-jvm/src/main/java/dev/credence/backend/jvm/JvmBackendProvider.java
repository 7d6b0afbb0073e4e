package dev.credence.backend.jvm;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;

/**
 * Announces the {@code jvm} backend: always available, lowest preference among real backends only
 * when a faster one is installed (priority 0). Option {@code threads} sets the kernel threads
 * (default: the number of processors).
 */
public final class JvmBackendProvider implements BackendProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public JvmBackendProvider() {}

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public String apiVersion() {
        return Backend.API_VERSION;
    }

    @Override
    public Backend create(BackendConfig config) {
        return new JvmBackend(config.getInt("threads", Runtime.getRuntime().availableProcessors()));
    }
}
