package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.util.Modules;
import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Backends;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which backend a command runs on when {@code --backend} is absent, and what a user is told when
 * the named one is missing or cannot run. The registries here are built from fakes whose factory
 * reports which of them was chosen.
 */
class BackendChoiceTest {

    /** Thrown by a fake provider's factory: the command chose it. */
    static final class Chosen extends RuntimeException {
        Chosen(String name) {
            super("chose " + name);
        }
    }

    /** A provider that is available (or not, with a reason) and reports being chosen. */
    record Fake(String name, int priority, String unavailableBecause) implements BackendProvider {
        @Override
        public Availability availability() {
            return unavailableBecause == null
                    ? Availability.ok()
                    : Availability.unavailable(unavailableBecause);
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

    private static CliRunner.Outcome run(Backends backends, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var bindings =
                Modules.override(new CliModule())
                        .with(
                                new AbstractModule() {
                                    @Override
                                    protected void configure() {
                                        bind(Backends.class).toInstance(backends);
                                    }
                                });
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), bindings);
        return new CliRunner.Outcome(code, out.toString(), err.toString());
    }

    private static final List<BackendProvider> FAKES =
            List.of(new Fake("slow", 0, null), new Fake("fast", 10, null));

    private static final String[] SAMPLE = {
        "sample", "eight-schools", "--chains", "1", "--warmup", "10", "--samples", "10"
    };

    private static String[] sample(String... more) {
        String[] args = java.util.Arrays.copyOf(SAMPLE, SAMPLE.length + more.length);
        System.arraycopy(more, 0, args, SAMPLE.length, more.length);
        return args;
    }

    @Test
    @DisplayName("without --backend, the available backend with the highest priority runs")
    void priority() {
        CliRunner.Outcome o = run(Backends.of(FAKES), sample());
        assertTrue(o.err().contains("chose fast"), o.err());
    }

    @Test
    @DisplayName("CREDENCE_BACKEND and -Dcredence.backend choose when --backend is absent")
    void environmentAndProperty() {
        var env = Backends.of(FAKES, Map.of(), Map.of(Backends.ENVIRONMENT, "slow"));
        assertTrue(run(env, sample()).err().contains("chose slow"));
        var prop =
                Backends.of(
                        FAKES,
                        Map.of(Backends.PROPERTY, "slow"),
                        Map.of(Backends.ENVIRONMENT, "fast"));
        assertTrue(run(prop, sample()).err().contains("chose slow"));
        assertTrue(run(prop, sample("--backend", "fast")).err().contains("chose fast"));
    }

    @Test
    @DisplayName("a backend of a pack that is not installed: exit 3, the pack and how to add it")
    void packNotInstalled() {
        CliRunner.Outcome o = run(Backends.of(FAKES), sample("--backend", "djl-gpu"));
        assertEquals(ExitCode.BACKEND_UNAVAILABLE.code(), o.code(), o.err());
        assertTrue(
                o.err()
                        .startsWith(
                                "credence: error: backend 'djl-gpu' is not installed: it comes"
                                        + " in the djl pack; to install it, "),
                o.err());
        assertTrue(o.err().contains("credence-backend-djl"), o.err());
        assertTrue(o.err().contains("Available backends: fast, slow"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    @DisplayName("an unknown backend named by CREDENCE_BACKEND: exit 3, the packs and the plugins")
    void unknownFromEnvironment() {
        var env = Backends.of(FAKES, Map.of(), Map.of(Backends.ENVIRONMENT, "tpu"));
        CliRunner.Outcome o = run(env, sample());
        assertEquals(ExitCode.BACKEND_UNAVAILABLE.code(), o.code(), o.err());
        assertTrue(o.err().startsWith("credence: error: unknown backend 'tpu'."), o.err());
        assertTrue(o.err().contains("[djl, djl-gpu] from the djl pack"), o.err());
        assertTrue(o.err().contains("[nd4j] from the nd4j pack"), o.err());
    }

    @Test
    @DisplayName("an installed but unavailable backend: exit 3 with its reason and the others")
    void unavailable() {
        var r =
                Backends.of(
                        List.of(new Fake("jvm", 0, null), new Fake("gpu", 30, "no CUDA driver")));
        CliRunner.Outcome o = run(r, sample("--backend", "gpu"));
        assertEquals(ExitCode.BACKEND_UNAVAILABLE.code(), o.code(), o.err());
        assertTrue(
                o.err().startsWith("credence: error: backend 'gpu' is unavailable: no CUDA driver"),
                o.err());
        assertTrue(o.err().contains("Available backends: jvm"), o.err());
        assertTrue(run(r, sample()).err().contains("chose jvm"), "priority skips the unavailable");
    }

    @Test
    @DisplayName("backends lists each pack backend that is not installed, with the install line")
    void backendsListsMissingPacks() {
        CliRunner.Outcome o = run(Backends.of(FAKES), "backends");
        assertEquals(ExitCode.OK.code(), o.code(), o.err());
        for (String name : List.of("djl", "djl-gpu", "nd4j")) {
            assertTrue(
                    o.out()
                            .lines()
                            .anyMatch(
                                    l ->
                                            l.startsWith(name + " ")
                                                    && l.contains("not installed")
                                                    && l.contains("to install:")),
                    o.out());
        }
    }
}
