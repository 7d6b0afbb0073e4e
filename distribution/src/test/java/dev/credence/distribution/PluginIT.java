package dev.credence.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party backend (the {@code src/it/backend-plugin} project: a {@code DelegatingBackend}
 * around jvm, certified by the conformance kit in its own build) joins an unpacked distribution by
 * its jar alone: dropped into {@code plugins/}, or listed in {@code CREDENCE_PLUGINS}.
 */
class PluginIT {
    private static final Path JAR =
            Path.of(
                    System.getProperty("credence.it.projects"),
                    "backend-plugin",
                    "target",
                    "counting-backend-1.0.jar");
    @TempDir static Path dir;
    private static Installation dropped;
    private static Installation viaPath;

    @BeforeAll
    static void install() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "the invoker built " + JAR);
        dropped = Installation.unpack(Installation.distributionZip(), dir.resolve("dropped"));
        Files.copy(JAR, dropped.plugins().resolve(JAR.getFileName()));
        viaPath = Installation.unpack(Installation.distributionZip(), dir.resolve("path"));
    }

    private static void assertListed(ProcessRun r) {
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "counting +-10 +available +cpu +api \\S+, version"
                                                        + " 1\\.0")),
                r.toString());
    }

    @Test
    @DisplayName("a backend jar dropped into plugins/ is listed by credence backends")
    void droppedIntoPlugins() {
        assertListed(dropped.credence(Map.of(), "backends"));
    }

    @Test
    @DisplayName("a backend jar named in CREDENCE_PLUGINS is listed too")
    void namedInPluginsPath() {
        assertListed(viaPath.credence(Map.of("CREDENCE_PLUGINS", JAR.toString()), "backends"));
    }

    @Test
    @DisplayName("NUTS runs on the third-party backend, and the run record names its version")
    void runs() throws IOException {
        Path out = dir.resolve("sample");
        ProcessRun r =
                dropped.credence(
                        Map.of("CREDENCE_BACKEND", "counting"),
                        "sample",
                        "eight-schools",
                        "--chains",
                        "1",
                        "--warmup",
                        "50",
                        "--samples",
                        "50",
                        "--output",
                        out.toString());
        assertEquals(0, r.code(), r.toString());
        String record = Files.readString(out.resolve("eight-schools-1.csv.run.json"));
        assertTrue(record.contains("\"backend\": \"counting\""), record);
        assertTrue(record.contains("\"backendVersion\": \"1.0\""), record);
    }
}
