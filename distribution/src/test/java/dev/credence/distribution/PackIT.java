package dev.credence.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A native-engine pack, unzipped into {@code plugins/} of an unpacked distribution as the README
 * tells a user to: its backends are listed, and a run on it works and records the pack's version.
 * The pack modules run this test (it names its pack in {@code credence.pack} and the backends in
 * {@code credence.pack.backends}); the distribution module does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackIT {
    private static final String VERSION = System.getProperty("credence.version");
    private static final String PACK = System.getProperty("credence.pack");
    @TempDir static Path dir;
    private static Installation home;

    @BeforeAll
    static void install() {
        home = Installation.unpack(Installation.distributionZip(), dir.resolve("dist"));
        Installation.unzip(Path.of(System.getProperty("credence.pack.zip")), home.plugins());
        assertTrue(Files.isDirectory(home.plugins().resolve(PACK)), "plugins/" + PACK);
    }

    @Test
    @Order(1)
    @DisplayName("backends lists the pack's backends as installed, the CPU one available")
    void listed() {
        ProcessRun r = home.credence(Map.of(), "backends");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out().lines().anyMatch(l -> l.matches(PACK + " +\\d+ +available +cpu .*")),
                r.toString());
        for (String backend : System.getProperty("credence.pack.backends").split(",")) {
            assertTrue(
                    r.out()
                            .lines()
                            .anyMatch(
                                    l ->
                                            l.startsWith(backend + " ")
                                                    && !l.contains("not installed")),
                    backend + " is installed:\n" + r);
        }
    }

    @Test
    @Order(3)
    @DisplayName("NUTS runs on the pack's backend, and the run record names its version")
    void sample() throws IOException {
        Path out = dir.resolve("sample");
        ProcessRun r =
                home.credence(
                        Map.of(),
                        "sample",
                        "eight-schools",
                        "--backend",
                        PACK,
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
        assertTrue(record.contains("\"backend\": \"" + PACK + "\""), record);
        assertTrue(record.contains("\"backendVersion\": \"" + VERSION + "\""), record);
    }

    @Test
    @DisplayName(
            "the pack's jars are split: valid modules on the module path, the rest on the class path")
    void launchPlan() throws IOException {
        home.credence(Map.of(), "--version");
        List<Path> plans;
        try (var s = Files.walk(home.cache().resolve("launch"))) {
            plans = s.filter(p -> p.getFileName().toString().equals("java.args")).toList();
        }
        assertEquals(1, plans.size(), plans.toString());
        List<String> lines = Files.readAllLines(plans.get(0));
        String modulePath = lines.get(lines.indexOf("--module-path") + 1);
        assertTrue(
                modulePath.contains("credence-backend-" + PACK + "-" + VERSION + ".jar"),
                modulePath);
        assertTrue(lines.contains("--class-path"), "some of the pack's jars need the class path");
    }
}
