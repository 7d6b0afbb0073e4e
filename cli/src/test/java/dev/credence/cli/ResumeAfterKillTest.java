package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.io.Checkpoint;
import dev.credence.io.HostArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test: a VAE training in a JVM of its own is killed ({@code SIGKILL}, no shutdown hooks)
 * at random points, resumed with {@code --resume} after each kill, and must end exactly where an
 * uninterrupted run ends: the same parameters bit for bit and the same metrics, epoch by epoch.
 *
 * <p>The kill points are drawn from a seeded generator (printed on failure): after a random number
 * of finished epochs, plus a random delay of up to 40 ms, so that some kills land inside the
 * writing of a checkpoint.
 */
class ResumeAfterKillTest {
    static final int EPOCHS = 12;
    static final String[] TRAIN = {
        "vae",
        "train",
        "--data",
        "tiny",
        "--epochs",
        "" + EPOCHS,
        "--latent",
        "2",
        "--hidden",
        "8",
        "--batch",
        "8",
        "--test-size",
        "8",
        "--seed",
        "5"
    };

    @Test
    @DisplayName(
            "F1 a training killed at random points and resumed ends where an uninterrupted one does")
    void killAndResume(@TempDir Path root) throws Exception {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        Path ref = root.resolve("ref");
        CliRunner cli = CliRunner.withTinyImages(root.resolve("here"));
        CliRunner.Outcome o = cli.run(args(ref, false));
        assertEquals(0, o.code(), o.err());

        Path run = root.resolve("run");
        List<String> story = new ArrayList<>();
        int kills = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            int done = epochsDone(run);
            if (done >= EPOCHS - 1) {
                break;
            }
            int target = done + 1 + rnd.nextInt(Math.max(1, (EPOCHS - done) / 2));
            int delay = rnd.nextInt(40);
            Path log = root.resolve("fork-" + attempt + ".log");
            Process p =
                    ForkedCli.start(root.resolve("fork-" + attempt), log, args(run, attempt > 0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && epochsDone(run) < target && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(delay);
            boolean killed = p.isAlive();
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            story.add(
                    (killed ? "killed" : "ended with exit " + p.exitValue())
                            + " at >= "
                            + target
                            + " epochs + "
                            + delay
                            + " ms (had "
                            + epochsDone(run)
                            + ")");
            kills += killed ? 1 : 0;
            if (!killed) {
                assertEquals(0, p.exitValue(), Files.readString(log));
            }
        }
        CliRunner.Outcome last = cli.run(args(run, true));
        String context = "seed " + seed + ": " + story + "\n" + last.err();
        assertEquals(0, last.code(), context);
        assertTrue(kills >= 1, "no kill landed while the run was alive: " + context);
        System.out.println("F1 " + context.lines().findFirst().orElse(""));

        Checkpoint a = Checkpoint.read(ref.resolve("vae.ckpt"));
        Checkpoint b = Checkpoint.read(run.resolve("vae.ckpt"));
        assertEquals(a.arrays().keySet(), b.arrays().keySet(), context);
        for (Map.Entry<String, HostArray> e : a.arrays().entrySet()) {
            assertArrayEquals(
                    e.getValue().toDoubleArray(),
                    b.array(e.getKey()).toDoubleArray(),
                    e.getKey() + " differs; " + context);
        }
        assertEquals(metrics(ref), metrics(run), "metrics per epoch; " + context);
        assertTrue(
                Files.readString(run.resolve("credence-run.json")).contains("\"finished\""),
                context);
    }

    private static String[] args(Path out, boolean resume) {
        List<String> a = new ArrayList<>(List.of(TRAIN));
        a.addAll(List.of("--output", out.toString()));
        if (resume) {
            a.add("--resume");
        }
        return a.toArray(String[]::new);
    }

    /** Epochs whose metrics row is written (the checkpoint follows it). */
    private static int epochsDone(Path run) {
        try {
            Path m = run.resolve("metrics.csv");
            return Files.exists(m) ? (int) Math.max(0, Files.readAllLines(m).size() - 1) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** The metrics table without its timing columns. */
    private static List<String> metrics(Path run) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (!header.get(i).contains("seconds") && !header.get(i).contains("time")) {
                    sb.append(cells[i]).append(',');
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
