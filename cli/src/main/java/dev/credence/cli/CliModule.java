package dev.credence.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.io.data.Datasets;

/**
 * The bindings of the command line: the plugin registries, discovered once per process, and the
 * named data sets. Tests replace this module to run commands against fake registries.
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
     * The named data sets (Fashion-MNIST, MNIST) with the default cache folder and downloads on.
     *
     * @return the registry
     */
    @Provides
    @Singleton
    Datasets datasets() {
        return Datasets.builder().build();
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
