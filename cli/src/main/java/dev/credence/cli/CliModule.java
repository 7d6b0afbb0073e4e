package dev.credence.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;

/**
 * The bindings of the command line: the plugin registries, discovered once per process. Tests
 * replace this module to run commands against fake registries.
 */
public class CliModule extends AbstractModule {

    /** Creates the module. */
    public CliModule() {}

    /**
     * The backend registry, from {@link java.util.ServiceLoader}.
     *
     * @return the registry
     */
    @Provides
    @Singleton
    Backends backends() {
        return Backends.discover();
    }

    /**
     * The inference registry, from {@link java.util.ServiceLoader}.
     *
     * @return the registry
     */
    @Provides
    @Singleton
    Inferences inferences() {
        return Inferences.discover();
    }
}
