package dev.credence.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of one external command: its exit code and what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
public record ProcessRun(int code, String out, String err) {

    /**
     * Runs a command to its end, or fails after ten minutes.
     *
     * @param command the command and its arguments
     * @param env variables to set (a null value removes one)
     * @param dir the working folder
     * @return the outcome
     */
    public static ProcessRun run(List<String> command, Map<String, String> env, Path dir) {
        try {
            Path out = Files.createTempFile("run", ".out");
            Path err = Files.createTempFile("run", ".err");
            ProcessBuilder pb =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            env.forEach(
                    (k, v) -> {
                        if (v == null) {
                            pb.environment().remove(k);
                        } else {
                            pb.environment().put(k, v);
                        }
                    });
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            ProcessRun r =
                    new ProcessRun(
                            p.exitValue(),
                            Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Everything printed, for assertion messages. */
    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }

    /** The java launcher of the JVM that runs the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
