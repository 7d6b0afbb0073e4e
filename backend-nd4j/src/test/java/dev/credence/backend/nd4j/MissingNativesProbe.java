package dev.credence.backend.nd4j;

import dev.credence.api.backend.BackendUnavailableException;
import dev.credence.api.backend.Backends;
import java.util.List;

/**
 * Run by {@link MissingNativesTest} in a JVM without ND4J's native jar: selects {@code nd4j} and
 * prints the registry's message, exiting 0 only if selection failed the expected way.
 */
final class MissingNativesProbe {
    static final String PREFIX = "probe-result: ";

    private MissingNativesProbe() {}

    public static void main(String[] args) {
        try {
            Backends.of(List.of(new Nd4jBackendProvider())).select("nd4j");
            System.out.println(PREFIX + "selected, although the natives are missing");
            System.exit(2);
        } catch (BackendUnavailableException e) {
            System.out.println(PREFIX + e.getMessage());
            System.exit(0);
        }
    }
}
