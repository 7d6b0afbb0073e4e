package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers, one folder: while a training runs in another JVM, every other command that would
 * write into its folder is refused with exit 7, {@code --force} included; once that JVM is killed
 * the operating system drops its lock, and the folder is known to hold an interrupted run that
 * {@code --resume} continues.
 */
class ConcurrentWriterTest {

    @Test
    @DisplayName("F2 a second writer is refused while the first runs; the killed run resumes")
    void secondWriterRefused(@TempDir Path root) throws Exception {
        Path run = root.resolve("run");
        String[] train = {
            "vae",
            "train",
            "--data",
            "tiny",
            "--latent",
            "2",
            "--hidden",
            "8",
            "--batch",
            "8",
            "--test-size",
            "8",
            "--output",
            run.toString()
        };
        Process p =
                ForkedCli.start(
                        root.resolve("fork"),
                        root.resolve("fork.log"),
                        concat(train, "--epochs", "100000"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // The first epoch is done once both its metrics and its checkpoint are written (in
            // that order): before the checkpoint, 'vae eval' would rightly find nothing to read.
            while (!(Files.exists(run.resolve("metrics.csv"))
                            && Files.exists(run.resolve("vae.ckpt")))
                    && System.nanoTime() < deadline) {
                assertTrue(p.isAlive(), () -> "the first writer ended: " + log(root));
                Thread.sleep(20);
            }
            CliRunner cli = CliRunner.withTinyImages(root.resolve("here"));
            String pid = "pid " + p.pid();
            for (String[] second :
                    new String[][] {
                        concat(train, "--epochs", "1"),
                        concat(train, "--epochs", "1", "--force"),
                        concat(train, "--epochs", "99999", "--resume"),
                        {"vae", "eval", "--data", "tiny", "--output", run.toString()},
                        {
                            "sample",
                            "eight-schools",
                            "--chains",
                            "1",
                            "--warmup",
                            "10",
                            "--samples",
                            "10",
                            "--output",
                            run.toString(),
                            "--force"
                        }
                    }) {
                CliRunner.Outcome o = cli.run(second);
                assertEquals(7, o.code(), String.join(" ", second) + ": " + o.err());
                assertTrue(
                        o.err().contains("in use by another credence run") && o.err().contains(pid),
                        o.err());
            }
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        CliRunner cli = CliRunner.withTinyImages(root.resolve("here"));
        CliRunner.Outcome again = cli.run(concat(train, "--epochs", "2"));
        assertEquals(7, again.code(), again.err());
        assertTrue(
                again.err().contains("interrupted") && again.err().contains("--resume"),
                again.err());
        int done = Files.readAllLines(run.resolve("metrics.csv")).size() - 1;
        CliRunner.Outcome resumed = cli.run(concat(train, "--epochs", "" + (done + 1), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(done + 2, Files.readAllLines(run.resolve("metrics.csv")).size());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String log(Path root) {
        try {
            return Files.readString(root.resolve("fork.log"));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
