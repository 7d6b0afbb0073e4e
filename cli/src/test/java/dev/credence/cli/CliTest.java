package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs commands in-process with captured output and checks exit codes and messages. */
class CliTest {

    /** The outcome of one command. */
    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Main.run(
                        args,
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        new CliModule());
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("backends lists jvm as available")
    void backends() {
        Outcome o = run("backends");
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(
                o.out().lines().anyMatch(l -> l.startsWith("jvm") && l.contains("available")),
                o.out());
    }

    @Test
    @DisplayName("demo fits the logistic regression and prints the weights")
    void demo() {
        Outcome o = run("demo", "--steps", "60");
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(o.out().contains("w[4]"), o.out());
        assertTrue(o.out().contains("training accuracy"), o.out());
    }

    @Test
    @DisplayName("an unknown backend: one line, exit 3, the available backends, no stack trace")
    void unknownBackend() {
        Outcome o = run("demo", "--backend", "tpu");
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, o.code());
        assertTrue(o.err().startsWith("credence: error: unknown backend 'tpu'"), o.err());
        assertTrue(o.err().matches("(?s).*Available backends: [^;]*jvm.*"), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace without --verbose: " + o.err());
    }

    @Test
    @DisplayName("--verbose adds the stack trace")
    void verbose() {
        Outcome o = run("demo", "--backend", "tpu", "--verbose");
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, o.code());
        assertTrue(o.err().contains("\tat "), o.err());
    }

    @Test
    @DisplayName("bad options: exit 2 with the reason")
    void badOptions() {
        Outcome unknown = run("demo", "--frobnicate");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
        Outcome malformed = run("demo", "--steps", "many");
        assertEquals(ExitCodes.USAGE, malformed.code());
        assertTrue(malformed.err().contains("many"), malformed.err());
        Outcome tooFew = run("demo", "--steps", "3");
        assertEquals(ExitCodes.USAGE, tooFew.code());
        assertTrue(tooFew.err().contains("--steps must be at least 10, found 3"), tooFew.err());
        Outcome none = run();
        assertEquals(ExitCodes.USAGE, none.code());
    }

    @Test
    @DisplayName("inferences lists nuts and hmc with their options")
    void inferences() {
        Outcome o = run("inferences");
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(o.out().contains("nuts  No-U-Turn sampler"), o.out());
        assertTrue(o.out().contains("adapt-delta"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("svi ")), o.out());
    }

    @Test
    @DisplayName("sample writes a summary, Stan CSV per chain and run records")
    void sample(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Outcome o =
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
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(o.out().contains("theta_tilde[1]") && o.out().contains("r_hat"), o.out());
        assertTrue(java.nio.file.Files.exists(dir.resolve("eight-schools-1.csv")));
        assertTrue(java.nio.file.Files.exists(dir.resolve("eight-schools-2.csv")));
        assertTrue(java.nio.file.Files.exists(dir.resolve("summary.csv")));
        var chain = dev.credence.api.io.StanCsv.read(dir.resolve("eight-schools-1.csv"));
        assertEquals(200, chain.draws().length);
        assertTrue(chain.names().contains("theta_tilde.3"), chain.names().toString());
        assertTrue(java.nio.file.Files.list(dir).anyMatch(p -> p.toString().endsWith(".run.json")));
    }

    @Test
    @DisplayName("sample rejects an unknown model with the list of models")
    void sampleUnknownModel() {
        Outcome o = run("sample", "nine-schools");
        assertEquals(ExitCodes.USAGE, o.code());
        assertTrue(o.err().contains("unknown example model 'nine-schools'"), o.err());
        assertTrue(o.err().contains("eight-schools"), o.err());
    }

    @Test
    @DisplayName("sbc of NUTS on the normal family passes")
    void sbc() {
        Outcome o = run("sbc", "--replications", "30", "--seed", "3");
        assertEquals(ExitCodes.OK, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("calibrated"), o.out());
    }
}
