package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes: the README's table is {@link ExitCode#markdownTable()}, {@code --help} lists
 * them, and every documented code is produced by a command here, with one line on stderr and no
 * stack trace.
 */
class ExitCodeTest {
    @TempDir static Path dir;
    private static final Set<ExitCode> SEEN = EnumSet.noneOf(ExitCode.class);

    @Test
    @DisplayName("E0 the README's exit-code table is the one in ExitCode")
    void readmeTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(
                readme.contains(ExitCode.markdownTable()),
                "README.md must contain this table (paste it):\n" + ExitCode.markdownTable());
        CliRunner.Outcome help = CliRunner.standard().run("--help");
        assertTrue(help.out().contains("Exit codes:"), help.out());
        for (ExitCode c : ExitCode.values()) {
            String start = c.meaning().substring(0, Math.min(20, c.meaning().length()));
            assertTrue(help.out().contains(start), start + " in " + help.out());
        }
    }

    private static void expect(ExitCode code, Module bindings, String fact, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int got = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), bindings);
        String e = err.toString();
        assertEquals(code.code(), got, String.join(" ", args) + "\n" + out + e);
        if (code != ExitCode.OK) {
            assertTrue(e.startsWith("credence: "), e);
            assertTrue(e.contains(fact), "expected '" + fact + "' in: " + e);
            assertFalse(e.contains("\tat "), e);
        }
        SEEN.add(code);
    }

    private static void expect(ExitCode code, String fact, String... args) {
        expect(code, new CliModule(), fact, args);
    }

    @Test
    @DisplayName("E1 every documented exit code is produced by a command")
    void everyCode() throws Exception {
        Path csv = dir.resolve("train.csv");
        Files.writeString(csv, DataCases.train());
        Path file = Files.writeString(dir.resolve("file.txt"), "mine");
        String[] fit = {
            "bnn",
            "fit",
            "--data",
            csv.toString(),
            "--target",
            "y",
            "--hidden",
            "4",
            "--inference",
            "map"
        };

        expect(ExitCode.OK, "", "backends");
        expect(
                ExitCode.INTERNAL,
                TestBindings.brokenBackend(() -> new NullPointerException("a bug")),
                "a bug",
                "sample",
                "eight-schools",
                "--backend",
                "broken");
        expect(
                ExitCode.USAGE,
                "--chains must be from 1 to 1000, found 0",
                "sample",
                "eight-schools",
                "--chains",
                "0");
        expect(
                ExitCode.BACKEND_UNAVAILABLE,
                "unknown backend 'tpu'",
                "sample",
                "eight-schools",
                "--backend",
                "tpu");
        expect(
                ExitCode.DATA,
                "no data file",
                "bnn",
                "fit",
                "--data",
                dir.resolve("none.csv").toString(),
                "--target",
                "y");
        expect(
                ExitCode.NUMERICAL,
                "not finite",
                concat(
                        fit,
                        "--opt",
                        "lr=1e30",
                        "--opt",
                        "epochs=1",
                        "--output",
                        dir.resolve("n").toString()));
        expect(
                ExitCode.CALIBRATION_FAILED,
                TestBindings.biasedNuts(),
                "calibration failed",
                "sbc",
                "--replications",
                "10");
        expect(
                ExitCode.OUTPUT,
                "is a file, not a folder",
                concat(fit, "--output", file.toString()));
        expect(
                ExitCode.RESOURCES,
                "not enough memory",
                concat(fit, "--hidden", "40000,40000", "--output", dir.resolve("r").toString()));
        expect(
                ExitCode.RESOURCES,
                TestBindings.brokenBackend(() -> new OutOfMemoryError("Java heap space")),
                "out of memory",
                "sample",
                "eight-schools",
                "--backend",
                "broken");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @AfterAll
    static void allSeen() {
        if (!SEEN.isEmpty()) {
            assertEquals(EnumSet.allOf(ExitCode.class), SEEN, "codes no test produced");
        }
    }
}
