package dev.credence.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The registry, built from fake providers: selection, errors, overrides and version checks. */
class BackendsTest {

    /** A provider that creates nothing real; {@code create} returns null (never used here). */
    private record Fake(String name, int priority, Availability availability, String apiVersion)
            implements BackendProvider {
        @Override
        public Backend create(BackendConfig config) {
            throw new AssertionError("created " + name);
        }
    }

    /** A provider whose create() succeeds, recording that it was chosen. */
    private static final class Chosen extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Chosen(String name) {
            super(name);
        }
    }

    private record Creating(String name, int priority) implements BackendProvider {
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
            throw new Chosen(name);
        }
    }

    private static final Fake GPU =
            new Fake("gpu", 30, Availability.unavailable("no CUDA device visible"), "2.0");

    @Test
    @DisplayName("unknown name: the error names it and lists available and unavailable backends")
    void unknownName() {
        Backends r = Backends.of(List.of(new Creating("jvm", 0), GPU));
        BackendUnavailableException e =
                assertThrows(BackendUnavailableException.class, () -> r.select("tpu"));
        assertTrue(e.getMessage().contains("unknown backend 'tpu'"), e.getMessage());
        assertTrue(e.getMessage().contains("Available backends: jvm"), e.getMessage());
        assertTrue(e.getMessage().contains("gpu (no CUDA device visible)"), e.getMessage());
    }

    @Test
    @DisplayName("unavailable name: the error gives the provider's reason")
    void unavailableName() {
        Backends r = Backends.of(List.of(new Creating("jvm", 0), GPU));
        BackendUnavailableException e =
                assertThrows(BackendUnavailableException.class, () -> r.select("GPU"));
        assertTrue(
                e.getMessage().startsWith("backend 'gpu' is unavailable: no CUDA device visible"),
                e.getMessage());
    }

    @Test
    @DisplayName("default: the available provider with the highest priority")
    void priority() {
        Backends r = Backends.of(List.of(new Creating("jvm", 0), new Creating("fast", 10), GPU));
        Chosen c = assertThrows(Chosen.class, r::select);
        assertEquals("fast", c.getMessage());
        assertEquals("gpu", r.providers().get(0).name(), "providers sorted by priority");
    }

    @Test
    @DisplayName("system property overrides the environment, which overrides priority")
    void overrides() {
        var providers = List.<BackendProvider>of(new Creating("jvm", 0), new Creating("fast", 10));
        Backends both =
                Backends.of(
                        providers,
                        Map.of(Backends.PROPERTY, "jvm"),
                        Map.of(Backends.ENVIRONMENT, "fast"));
        assertEquals("jvm", assertThrows(Chosen.class, both::select).getMessage());
        Backends env = Backends.of(providers, Map.of(), Map.of(Backends.ENVIRONMENT, "jvm"));
        assertEquals("jvm", assertThrows(Chosen.class, env::select).getMessage());
        assertEquals(Optional.of("jvm"), both.requested());
        assertEquals(Optional.of("jvm"), env.requested());
        assertEquals(
                Optional.empty(),
                Backends.of(providers, Map.of(Backends.PROPERTY, " "), Map.of()).requested());
    }

    @Test
    @DisplayName("a provider built for another major SPI version is unavailable, with the reason")
    void apiVersion() {
        Fake old = new Fake("old", 5, Availability.ok(), "1.0");
        Availability a = Backends.availabilityOf(old);
        assertFalse(a.available());
        assertTrue(a.reason().contains("provider 'old'"), a.reason());
        assertTrue(a.reason().contains("implements backend SPI 1.0"), a.reason());
        assertTrue(a.reason().contains("expects " + Backend.API_VERSION), a.reason());
        assertTrue(a.reason().contains("Backend.execute"), a.reason());
        Fake minor = new Fake("minor", 5, Availability.ok(), "2.7");
        assertTrue(Backends.availabilityOf(minor).available(), "minor versions are compatible");
    }

    @Test
    @DisplayName("no backend available: a clear error")
    void noneAvailable() {
        Backends r = Backends.of(List.of(GPU));
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, r::select);
        assertTrue(e.getMessage().startsWith("no backend is available"), e.getMessage());
    }

    @Test
    @DisplayName("a provider that throws while answering availability is reported, not propagated")
    void throwingProvider() {
        BackendProvider broken =
                new BackendProvider() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public int priority() {
                        return 1;
                    }

                    @Override
                    public Availability availability() {
                        throw new UnsatisfiedLinkError("libfoo.so: cannot open shared object");
                    }

                    @Override
                    public String apiVersion() {
                        return Backend.API_VERSION;
                    }

                    @Override
                    public Backend create(BackendConfig config) {
                        throw new AssertionError();
                    }
                };
        Availability a = Backends.availabilityOf(broken);
        assertFalse(a.available());
        assertTrue(a.reason().contains("libfoo.so"), a.reason());
    }
}
