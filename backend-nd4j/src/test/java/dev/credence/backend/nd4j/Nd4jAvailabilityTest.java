package dev.credence.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.BackendUnavailableException;
import dev.credence.api.backend.Backends;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provider answers "unavailable, because..." instead of throwing when ND4J's native library
 * cannot load, and the registry turns that into a clear {@link BackendUnavailableException}.
 */
class Nd4jAvailabilityTest {

    /** The errors a failed native load throws in practice. */
    static Stream<Throwable> loadFailures() {
        UnsatisfiedLinkError link =
                new UnsatisfiedLinkError("no jnind4jcpu in java.library.path: /usr/lib");
        return Stream.of(
                link,
                new ExceptionInInitializerError(
                        new RuntimeException("ND4J is probably missing dependencies", link)),
                new NoClassDefFoundError("Could not initialize class org.nd4j.linalg.factory.Nd4j"),
                new NoClassDefFoundError("org/nd4j/linalg/factory/Nd4j"),
                new IllegalStateException("unexpected"));
    }

    private static void assertActionable(String reason) {
        assertTrue(reason.contains("org.nd4j:nd4j-native"), "names the artifact: " + reason);
        assertTrue(reason.contains("-Dcredence.backend=jvm"), "offers a way out: " + reason);
        assertFalse(reason.contains("\tat ") || reason.contains("\n"), "no stack trace: " + reason);
    }

    @ParameterizedTest
    @MethodSource("loadFailures")
    void failedLoadIsAnUnavailableAnswerWithAReason(Throwable failure) {
        BackendProvider p = new Nd4jBackendProvider(() -> rethrow(failure));
        Availability a = p.availability();
        assertFalse(a.available());
        assertActionable(a.reason());
    }

    @ParameterizedTest
    @MethodSource("loadFailures")
    void registrySelectionFailsWithTheReasonNotALinkageError(Throwable failure) {
        BackendProvider p = new Nd4jBackendProvider(() -> rethrow(failure));
        BackendUnavailableException e =
                assertThrows(
                        BackendUnavailableException.class,
                        () -> Backends.of(List.of(p)).select("nd4j"));
        assertTrue(e.getMessage().startsWith("backend 'nd4j' is unavailable: "), e.getMessage());
        assertTrue(e.getMessage().contains(p.availability().reason()), e.getMessage());
        assertActionable(e.getMessage());
        IllegalStateException direct =
                assertThrows(IllegalStateException.class, () -> p.create(BackendConfig.defaults()));
        assertTrue(direct.getMessage().contains(p.availability().reason()));
    }

    @Test
    void missingClassesAreExplainedAsAClassPathProblem() {
        BackendProvider p =
                new Nd4jBackendProvider(
                        () -> {
                            throw new NoClassDefFoundError("org/nd4j/linalg/factory/Nd4j");
                        });
        assertTrue(p.availability().reason().startsWith("ND4J is not on the class path"));
    }

    @Test
    void theLoadIsAttemptedOnceAndTheAnswerRemembered() {
        AtomicInteger calls = new AtomicInteger();
        BackendProvider p =
                new Nd4jBackendProvider(
                        () -> {
                            calls.incrementAndGet();
                            throw new UnsatisfiedLinkError("no jnind4jcpu");
                        });
        p.availability();
        p.availability();
        assertThrows(BackendUnavailableException.class, () -> Backends.of(List.of(p)).select());
        assertEquals(1, calls.get());
    }

    @Test
    void realNativesLoadOnThisMachineAndDiscoveryFindsTheProvider() {
        BackendProvider found =
                ServiceLoader.load(BackendProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(p -> p.name().equals("nd4j"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(found.availability().available(), found.availability().reason());
        assertEquals(10, found.priority());
        assertEquals("nd4j", Backends.of(List.of(found)).select().name());
    }

    /** Throws an unchecked throwable as it is. */
    private static void rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) t;
    }
}
