package dev.credence.bench;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The backend under measurement, chosen by name through the registry. Run several backends in one
 * JMH run with {@code -p backend=jvm,nd4j,djl}; a backend that is not installed or cannot run here
 * fails its trials with the registry's reason.
 */
@State(Scope.Benchmark)
public class BackendState {
    /** The backend name. */
    @Param({"jvm"})
    public String backend;

    /** The backend instance. */
    public Backend b;

    /** Selects the backend. */
    @Setup
    public void select() {
        b = Backends.discover().select(backend);
    }
}
