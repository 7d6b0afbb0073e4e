package dev.credence.cli;

import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.io.Versions;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * {@code credence --version}: the Credence version, each installed backend and inference plugin
 * with its own version (see {@link Versions}), and the Java runtime.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    private final Backends backends;
    private final Inferences inferences;

    /**
     * Created by picocli through Guice.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     */
    @Inject
    VersionProvider(Backends backends, Inferences inferences) {
        this.backends = backends;
        this.inferences = inferences;
    }

    @Override
    public String[] getVersion() {
        String plugins =
                backends.providers().stream()
                        .map(p -> p.name() + " " + Versions.of(p.getClass()))
                        .collect(Collectors.joining(", "));
        String algorithms =
                inferences.providers().stream()
                        .map(p -> p.name() + " " + Versions.of(p.getClass()))
                        .collect(Collectors.joining(", "));
        return new String[] {
            "credence " + Versions.of(VersionProvider.class),
            "backends: " + (plugins.isEmpty() ? "none" : plugins),
            "inferences: " + (algorithms.isEmpty() ? "none" : algorithms),
            "Java "
                    + Runtime.version()
                    + " ("
                    + System.getProperty("java.vendor")
                    + "), "
                    + System.getProperty("os.name")
                    + " "
                    + System.getProperty("os.arch")
        };
    }
}
