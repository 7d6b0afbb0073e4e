package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs commands in-process with captured output and checks exit codes and messages. */
class CliTest {

    static CliRunner.Outcome run(String... args) {
        return CliRunner.standard().run(args);
    }

    @Test
    @DisplayName("backends lists jvm as available")
    void backends() {
        CliRunner.Outcome o = run("backends");
        assertEquals(ExitCode.OK.code(), o.code(), o.err());
        assertTrue(
                o.out()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.startsWith("jvm")
                                                && l.contains("available")
                                                && l.contains(" cpu ")),
                o.out());
    }

    @Test
    @DisplayName(
            "demo: the BNN part shows more epistemic uncertainty in the gap, and lists its files")
    void demo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRunner.Outcome o = run("demo", "--skip-vae", "--output", dir.toString());
        assertEquals(ExitCode.OK.code(), o.code(), o.err());
        assertTrue(o.out().contains("NUTS") && o.out().contains("VI (Bayes by Backprop)"), o.out());
        assertTrue(java.nio.file.Files.exists(dir.resolve("bnn-uncertainty.png")), o.out());
        assertTrue(o.out().contains("wrote:"), o.out());
    }

    @Test
    @DisplayName("an unknown backend: one line, exit 3, the available backends, no stack trace")
    void unknownBackend() {
        CliRunner.Outcome o = run("sample", "eight-schools", "--backend", "tpu");
        assertEquals(ExitCode.BACKEND_UNAVAILABLE.code(), o.code());
        assertTrue(o.err().startsWith("credence: error: unknown backend 'tpu'"), o.err());
        assertTrue(o.err().matches("(?s).*Available backends: [^;]*jvm.*"), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace without --verbose: " + o.err());
    }

    @Test
    @DisplayName("--verbose adds the stack trace")
    void verbose() {
        CliRunner.Outcome o = run("sample", "eight-schools", "--backend", "tpu", "--verbose");
        assertEquals(ExitCode.BACKEND_UNAVAILABLE.code(), o.code());
        assertTrue(o.err().contains("\tat "), o.err());
    }

    @Test
    @DisplayName("bad options: exit 2 with the reason")
    void badOptions() {
        CliRunner.Outcome unknown = run("demo", "--frobnicate");
        assertEquals(ExitCode.USAGE.code(), unknown.code());
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
        CliRunner.Outcome malformed = run("sample", "eight-schools", "--chains", "many");
        assertEquals(ExitCode.USAGE.code(), malformed.code());
        assertTrue(malformed.err().contains("many"), malformed.err());
        CliRunner.Outcome tooFew = run("sbc", "--replications", "3");
        assertEquals(ExitCode.USAGE.code(), tooFew.code());
        assertTrue(
                tooFew.err().contains("--replications must be from 10 to 100000, found 3"),
                tooFew.err());
        CliRunner.Outcome none = run();
        assertEquals(ExitCode.USAGE.code(), none.code());
    }

    @Test
    @DisplayName("inferences lists nuts and hmc with their options")
    void inferences() {
        CliRunner.Outcome o = run("inferences");
        assertEquals(ExitCode.OK.code(), o.code(), o.err());
        assertTrue(o.out().contains("nuts  No-U-Turn sampler"), o.out());
        assertTrue(o.out().contains("adapt-delta"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("svi ")), o.out());
    }

    @Test
    @DisplayName("sample writes a summary, Stan CSV per chain and run records")
    void sample(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CliRunner.Outcome o =
                run(
                        "sample",
                        "eight-schools",
                        "--chains",
                        "2",
                        "--warmup",
                        "200",
                        "--samples",
                        "200",
                        "--output",
                        dir.toString());
        assertEquals(ExitCode.OK.code(), o.code(), o.err());
        assertTrue(o.out().contains("theta_tilde[1]") && o.out().contains("r_hat"), o.out());
        assertTrue(java.nio.file.Files.exists(dir.resolve("eight-schools-1.csv")));
        assertTrue(java.nio.file.Files.exists(dir.resolve("eight-schools-2.csv")));
        assertTrue(java.nio.file.Files.exists(dir.resolve("summary.csv")));
        var chain = dev.credence.io.stan.StanCsv.read(dir.resolve("eight-schools-1.csv"));
        assertEquals(200, chain.draws().length);
        assertTrue(chain.names().contains("theta_tilde.3"), chain.names().toString());
        assertTrue(java.nio.file.Files.list(dir).anyMatch(p -> p.toString().endsWith(".run.json")));
        var record = dev.credence.io.RunRecord.readBeside(dir.resolve("eight-schools-1.csv"));
        assertEquals("jvm", record.backend());
        assertEquals(
                dev.credence.io.Versions.of(
                        dev.credence.api.backend.Backends.discover().select("jvm").getClass()),
                record.backendVersion());
    }

    @Test
    @DisplayName("--version names Credence, each backend and inference plugin, and the JVM")
    void version() {
        CliRunner.Outcome o = run("--version");
        assertEquals(ExitCode.OK.code(), o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).startsWith("credence "), o.out());
        assertTrue(lines.get(1).matches("backends: .*\\bjvm \\S+.*"), o.out());
        assertTrue(lines.get(2).matches("inferences: .*\\bnuts \\S+.*\\bsvi \\S+.*"), o.out());
        assertTrue(lines.get(3).startsWith("Java " + Runtime.version()), o.out());
    }

    @Test
    @DisplayName("sample rejects an unknown model with the list of models")
    void sampleUnknownModel() {
        CliRunner.Outcome o = run("sample", "nine-schools");
        assertEquals(ExitCode.USAGE.code(), o.code());
        assertTrue(o.err().contains("unknown example model 'nine-schools'"), o.err());
        assertTrue(o.err().contains("eight-schools"), o.err());
    }

    @Test
    @DisplayName("sbc of NUTS on the normal family passes")
    void sbc() {
        CliRunner.Outcome o = run("sbc", "--replications", "30", "--seed", "3");
        assertEquals(ExitCode.OK.code(), o.code(), o.out() + o.err());
        assertTrue(o.out().contains("calibrated"), o.out());
    }

    @Test
    @DisplayName("bnn fit then predict on CSV files, with metrics, a plot and run records")
    void bnn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            double x = -2 + 4.0 * i / 39;
            csv.append(x).append(',').append(Math.sin(2 * x)).append('\n');
        }
        java.nio.file.Path data = dir.resolve("train.csv");
        java.nio.file.Files.writeString(data, csv);
        java.nio.file.Path fitDir = dir.resolve("fit");
        CliRunner.Outcome fit =
                run(
                        "bnn",
                        "fit",
                        "--data",
                        data.toString(),
                        "--target",
                        "y",
                        "--hidden",
                        "8",
                        "--activation",
                        "tanh",
                        "--inference",
                        "map",
                        "--output",
                        fitDir.toString());
        assertEquals(ExitCode.OK.code(), fit.code(), fit.err());
        assertTrue(java.nio.file.Files.exists(fitDir.resolve("net.ckpt")), fit.out());
        assertTrue(java.nio.file.Files.exists(fitDir.resolve("uncertainty.png")), fit.out());
        java.nio.file.Path predDir = dir.resolve("pred");
        CliRunner.Outcome pred =
                run(
                        "bnn",
                        "predict",
                        "--data",
                        data.toString(),
                        "--target",
                        "y",
                        "--model",
                        fitDir.resolve("net.ckpt").toString(),
                        "--output",
                        predDir.toString());
        assertEquals(ExitCode.OK.code(), pred.code(), pred.err());
        assertTrue(pred.out().contains("metrics:"), pred.out());
        assertTrue(java.nio.file.Files.exists(predDir.resolve("predictions.csv")));
        CliRunner.Outcome missing =
                run("bnn", "fit", "--data", dir.resolve("nope.csv").toString(), "--target", "y");
        assertEquals(ExitCode.DATA.code(), missing.code());
        assertTrue(missing.err().contains("no data file"), missing.err());
    }

    @Test
    @DisplayName("vae: a missing checkpoint is a data error with one clear line")
    void vaeMissingCheckpoint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRunner.Outcome o =
                run(
                        "vae",
                        "eval",
                        "--data",
                        "mnist",
                        "--data-dir",
                        "../../shared/data/mnist-t10k",
                        "--output",
                        dir.toString());
        assertEquals(ExitCode.DATA.code(), o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("credence: error:"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        CliRunner.Outcome s = run("vae", "sample", "--output", dir.toString());
        assertEquals(ExitCode.DATA.code(), s.code(), s.out() + s.err());
        assertTrue(s.err().contains("no VAE checkpoint"), s.err());
    }

    @Test
    @DisplayName("corrupt image data: exit 4 naming the file and the problem")
    void corruptData(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.write(
                dir.resolve("t10k-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});
        java.nio.file.Files.write(
                dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2});
        CliRunner.Outcome o =
                run(
                        "vae",
                        "train",
                        "--data",
                        "mnist",
                        "--data-dir",
                        dir.toString(),
                        "--output",
                        dir.resolve("out").toString());
        assertEquals(ExitCode.DATA.code(), o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("credence: error:"), o.err());
        assertTrue(o.err().contains("t10k-images"), o.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("out")), "no folder before the data");
        assertFalse(o.err().contains("\tat "), o.err());
    }
}
