package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability matrix: every hostile input of {@link UsageCases}, {@link DataCases}, {@link
 * StoredCases} and {@link OutputCases}, run in this JVM against the real plugins and small data.
 * Each must end {@link Verdict#CLEAR}: the documented exit code, a message that names the cause, no
 * stack trace, and the files that were there before byte-identical afterwards (for valid requests:
 * the right result).
 *
 * <p>The verdicts are also written to {@code target/reliability-matrix.tsv}, one line per case,
 * with the counts by verdict at the end.
 */
class ReliabilityMatrixTest {
    @TempDir static Path root;
    private static Map<String, String> dataBefore;
    private static final Map<Verdict, Integer> COUNTS = new EnumMap<>(Verdict.class);
    private static final List<String> LINES = new ArrayList<>();

    @BeforeAll
    static void fixtures() throws IOException {
        MatrixFixtures.build(root);
        dataBefore = MatrixFixtures.snapshot(root.resolve("data"));
    }

    static List<HostileCase> cases() {
        List<HostileCase> all = new ArrayList<>(UsageCases.all());
        all.addAll(DataCases.all());
        all.addAll(StoredCases.all());
        all.addAll(OutputCases.all());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(HostileCase c) throws Exception {
        Path dir = Files.createDirectories(root.resolve("cases").resolve(c.id));
        for (HostileCase.Fixture f : c.fixtures) {
            MatrixFixtures.copy(f, dir);
        }
        for (var e : c.files.entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        c.setup.prepare(dir);
        Map<String, String> before = MatrixFixtures.snapshot(dir);
        long t0 = System.nanoTime();
        CliRunner.Outcome o =
                c.holdLock
                        ? runLocked(c, dir)
                        : MatrixFixtures.cli.run(c.argv(dir, MatrixFixtures.data));
        double seconds = (System.nanoTime() - t0) / 1e9;
        boolean kept = MatrixFixtures.preserved(before, MatrixFixtures.snapshot(dir));
        Verdict check =
                o.escaped() == null && o.code() == 0 && c.code == 0
                        ? c.check.verdict(dir, o)
                        : null;
        Verdict v = Verdict.judge(c.code, o, c.says, kept, check);
        record(c, o, v, seconds);
        assertEquals(
                Verdict.CLEAR,
                v,
                () ->
                        c
                                + ": expected exit "
                                + c.code
                                + " naming "
                                + c.says
                                + "; got exit "
                                + o.code()
                                + (kept ? "" : ", earlier files changed")
                                + "\nstdout: "
                                + o.out()
                                + "\nstderr: "
                                + o.err()
                                + (o.escaped() == null ? "" : "\nescaped: " + o.escaped()));
    }

    private static CliRunner.Outcome runLocked(HostileCase c, Path dir) throws IOException {
        Path lock = Files.createDirectories(dir.resolve("out")).resolve(".credence.lock");
        try (FileChannel ch =
                        FileChannel.open(
                                lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            return MatrixFixtures.cli.run(c.argv(dir, MatrixFixtures.data));
        }
    }

    private static synchronized void record(
            HostileCase c, CliRunner.Outcome o, Verdict v, double s) {
        COUNTS.merge(v, 1, Integer::sum);
        String first =
                o.escaped() != null
                        ? "escaped: " + o.escaped()
                        : o.err().lines().findFirst().orElse("");
        LINES.add(
                String.join(
                        "\t",
                        c.id,
                        c.probe,
                        v.name(),
                        Integer.toString(o.code()),
                        String.format(java.util.Locale.ROOT, "%.2f", s),
                        first.replace('\t', ' ')));
    }

    @AfterAll
    static void report() throws IOException {
        List<String> out = new ArrayList<>(LINES);
        out.add("");
        COUNTS.forEach((v, n) -> out.add(v + "\t" + n));
        out.add("TOTAL\t" + LINES.size());
        Files.write(Path.of("target", "reliability-matrix.tsv"), out);
        assertEquals(
                dataBefore,
                MatrixFixtures.snapshot(root.resolve("data")),
                "a case changed the shared data files");
    }
}
