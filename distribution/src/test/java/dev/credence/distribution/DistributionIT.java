package dev.credence.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloadable distribution, unpacked and run with nothing but a JDK: its layout, the real
 * version in {@code --version} and in run records, the packs that are not installed, and the
 * launcher's plan and class-data sharing archive.
 */
class DistributionIT {
    private static final String VERSION = System.getProperty("credence.version");
    @TempDir static Path dir;
    private static Installation home;

    @BeforeAll
    static void unpack() {
        home = Installation.unpack(Installation.distributionZip(), dir);
    }

    @Test
    @DisplayName("the archive holds bin/, the core in lib/, an empty plugins/, LICENSE and NOTICE")
    void layout() throws IOException {
        for (String f :
                List.of("bin/credence", "bin/credence.bat", "LICENSE", "NOTICE", "README.txt")) {
            assertTrue(Files.isRegularFile(home.home().resolve(f)), f);
        }
        try (Stream<Path> s = Files.list(home.home().resolve("lib"))) {
            List<String> jars = s.map(p -> p.getFileName().toString()).sorted().toList();
            for (String module :
                    List.of(
                            "api",
                            "compiler",
                            "backend-jvm",
                            "inference-hmc",
                            "inference-vi",
                            "inference-sgmcmc",
                            "models-bnn",
                            "models-vae",
                            "cli")) {
                assertTrue(
                        jars.contains("credence-" + module + "-" + VERSION + ".jar"),
                        module + " in " + jars);
            }
            assertTrue(
                    jars.stream().noneMatch(j -> j.matches(".*(djl|nd4j|pytorch|javacpp).*")),
                    "no native engine in the core: " + jars);
        }
        try (Stream<Path> s = Files.list(home.plugins())) {
            assertEquals(List.of("README.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    @DisplayName("--version reports the release's version for Credence and each plugin")
    void version() {
        ProcessRun r = home.credence(Map.of(), "--version");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("credence " + VERSION, lines.get(0), r.toString());
        assertEquals("backends: jvm " + VERSION, lines.get(1), r.toString());
        assertTrue(lines.get(2).contains("nuts " + VERSION), r.toString());
        assertTrue(lines.get(2).contains("svi " + VERSION), r.toString());
    }

    @Test
    @DisplayName("backends: jvm runs; djl, djl-gpu and nd4j are not installed, with the unzip line")
    void backends() {
        ProcessRun r = home.credence(Map.of(), "backends");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("jvm +0 +available +cpu .*")), r.out());
        String platform = Pattern.quote("-" + VERSION + "-") + "[a-z]+-[a-z0-9_]+\\.zip";
        for (String[] b : new String[][] {{"djl", "djl"}, {"djl-gpu", "djl"}, {"nd4j", "nd4j"}}) {
            Pattern line =
                    Pattern.compile(
                            Pattern.quote(b[0])
                                    + " +- +not installed .*unzip credence-"
                                    + b[1]
                                    + "-pack"
                                    + platform
                                    + " .*into "
                                    + Pattern.quote(home.plugins().toString()));
            assertTrue(r.out().lines().anyMatch(l -> line.matcher(l).find()), r.out());
        }
    }

    @Test
    @DisplayName("a pack's backend that is not installed: exit 3 and how to install it")
    void packMissing() {
        ProcessRun r = home.credence(Map.of("CREDENCE_BACKEND", "nd4j"), "sample", "eight-schools");
        assertEquals(3, r.code(), r.toString());
        assertTrue(
                r.err().startsWith("credence: error: backend 'nd4j' is not installed:"),
                r.toString());
        assertTrue(r.err().contains("into " + home.plugins()), r.toString());
    }

    @Test
    @DisplayName("a run record carries the release's version and the backend plugin's")
    void runRecord() throws IOException {
        Path out = dir.resolve("sample");
        ProcessRun r =
                home.credence(
                        Map.of(),
                        "sample",
                        "eight-schools",
                        "--chains",
                        "1",
                        "--warmup",
                        "100",
                        "--samples",
                        "100",
                        "--output",
                        out.toString());
        assertEquals(0, r.code(), r.toString());
        String record = Files.readString(out.resolve("eight-schools-1.csv.run.json"));
        assertTrue(record.contains("\"libraryVersion\": \"" + VERSION + "\""), record);
        assertTrue(record.contains("\"backend\": \"jvm\""), record);
        assertTrue(record.contains("\"backendVersion\": \"" + VERSION + "\""), record);
    }

    @Test
    @DisplayName("the launcher keeps its plan and a class-data sharing archive per set of jars")
    void launchCache() throws IOException {
        ProcessRun first = home.credence(Map.of(), "inferences");
        assertEquals(0, first.code(), first.toString());
        List<Path> launches;
        try (Stream<Path> s = Files.list(home.cache().resolve("launch"))) {
            launches = s.toList();
        }
        assertTrue(launches.size() >= 1, launches.toString());
        assertTrue(
                launches.stream().allMatch(l -> Files.isRegularFile(l.resolve("java.args"))),
                launches.toString());
        assertTrue(
                launches.stream().allMatch(l -> Files.isRegularFile(l.resolve("app.jsa"))),
                "each set of jars got its archive on its first run: " + launches);
        ProcessRun again = home.credence(Map.of(), "inferences");
        assertEquals(first.out(), again.out(), "the archived run answers the same");
        assertEquals("", again.err(), "no CDS warnings");
    }
}
