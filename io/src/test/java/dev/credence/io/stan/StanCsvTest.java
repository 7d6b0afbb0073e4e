package dev.credence.io.stan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.io.FileFormatException;
import dev.credence.io.RunRecord;
import dev.credence.io.RunRecordTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stan CSV files: CmdStan's layout, exact round trips, and errors with line and column. */
class StanCsvTest {
    @TempDir Path dir;

    static StanChain chain(int id, int draws) {
        List<String> names = new ArrayList<>(List.of("mu", "tau"));
        names.addAll(StanCsv.flatNames("theta", 3));
        double[][] x = new double[draws][names.size()];
        double[][] diag = new double[draws][StanCsv.DIAGNOSTICS.size()];
        for (int d = 0; d < draws; d++) {
            for (int p = 0; p < names.size(); p++) {
                x[d][p] = Math.sin(d * 7.0 + p) * Math.pow(10, p - 2) + id;
            }
            diag[d] = new double[] {-d / 3.0, 0.9 - d * 1e-3, 0.41, 3, 7, d == 1 ? 1 : 0, d / 7.0};
        }
        x[0][1] = Double.NaN;
        x[0][2] = Double.POSITIVE_INFINITY;
        x[0][3] = -0.0;
        StanRun run = new StanRun("eight_schools", 4711, 1000, 10, 0.8);
        return new StanChain(
                run, id, names, x, diag, 0.41, new double[] {1.5, 0.25, 1, 1, 1}, 0.125, 0.5);
    }

    @Test
    @DisplayName("flattened names follow Stan: dots, from 1, first index fastest")
    void flatNames() {
        assertEquals(
                List.of("L.1.1", "L.2.1", "L.1.2", "L.2.2", "L.1.3", "L.2.3"),
                StanCsv.flatNames("L", 2, 3));
        assertEquals(List.of("sigma"), StanCsv.flatNames("sigma"));
    }

    @Test
    @DisplayName("draws, diagnostics, step size, metric and times come back exactly")
    void roundTrip() throws IOException {
        StanChain c = chain(2, 5);
        Path f = dir.resolve("out-2.csv");
        StanCsv.write(f, c);
        StanChain back = StanCsv.read(f);
        assertEquals(c.run(), back.run());
        assertEquals(c.id(), back.id());
        assertEquals(c.names(), back.names());
        for (int d = 0; d < 5; d++) {
            assertArrayEquals(bits(c.draws()[d]), bits(back.draws()[d]), "draw " + d);
            assertArrayEquals(c.diagnostics()[d], back.diagnostics()[d], "diagnostics " + d);
        }
        assertEquals(c.stepSize(), back.stepSize());
        assertArrayEquals(c.inverseMetric(), back.inverseMetric());
        assertEquals(0.125, back.warmupSeconds());
        assertEquals(0.5, back.samplingSeconds());
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToLongBits(v[i]);
        }
        return b;
    }

    @Test
    @DisplayName("the file has CmdStan's comment header, column header and adaptation lines")
    void layout() throws IOException {
        Path f = dir.resolve("out-1.csv");
        StanCsv.write(f, chain(1, 3));
        List<String> lines = Files.readAllLines(f);
        assertEquals("# stan_version_major = 2", lines.get(0));
        assertTrue(lines.contains("# model = eight_schools"));
        assertTrue(lines.contains("#     num_samples = 3"));
        assertTrue(lines.contains("#     num_warmup = 1000"));
        assertTrue(lines.contains("#         engine = nuts (Default)"));
        assertTrue(lines.contains("# id = 1"));
        assertTrue(lines.contains("#   seed = 4711"));
        int h =
                lines.indexOf(
                        "lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,"
                                + "energy__,mu,tau,theta.1,theta.2,theta.3");
        assertTrue(h > 0, "the header row");
        assertEquals("# Adaptation terminated", lines.get(h + 1));
        assertEquals("# Step size = 0.41", lines.get(h + 2));
        assertEquals("# Diagonal elements of inverse mass matrix:", lines.get(h + 3));
        assertEquals("# 1.5, 0.25, 1.0, 1.0, 1.0", lines.get(h + 4));
        assertTrue(
                lines.get(h + 5).startsWith("0.0,0.9,0.41,3,7,0,0.0,1.0,nan,inf,-0.0,"),
                lines.get(h + 5));
        assertTrue(lines.contains("#  Elapsed Time: 0.125 seconds (Warm-up)"));
    }

    @Test
    @DisplayName("one file per chain, each with its run record beside it")
    void chains() throws IOException {
        List<Path> files =
                StanCsv.writeChains(
                        dir, "fit", List.of(chain(1, 2), chain(2, 2)), RunRecordTest.record());
        assertEquals(List.of(dir.resolve("fit-1.csv"), dir.resolve("fit-2.csv")), files);
        for (Path f : files) {
            assertEquals("nuts", RunRecord.readBeside(f).algorithm());
        }
        assertEquals(2, StanCsv.read(files.get(1)).id());
    }

    @Test
    @DisplayName("a missing draw, a bad cell and a ragged row are reported with their line")
    void validation() throws IOException {
        Path f = dir.resolve("out-1.csv");
        StanCsv.write(f, chain(1, 4));
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int first = lines.indexOf("# Adaptation terminated") + 4;

        List<String> truncated = new ArrayList<>(lines);
        truncated.remove(first + 3);
        assertProblem(
                truncated,
                "truncated or padded: the settings declare num_samples = 4,"
                        + " the file holds 3 draws");

        List<String> bad = new ArrayList<>(lines);
        bad.set(first + 1, bad.get(first + 1).replaceFirst(",3,7,", ",3,seven,"));
        assertProblem(
                bad,
                "line "
                        + (first + 2)
                        + ", column 5 (n_leapfrog__): cannot read"
                        + " 'seven' in a draw as a number");

        List<String> ragged = new ArrayList<>(lines);
        ragged.set(first, ragged.get(first) + ",1");
        assertProblem(
                ragged,
                "line "
                        + (first + 1)
                        + " has 13 cells, expected 12 as in the"
                        + " header on line "
                        + (first - 4));
    }

    private void assertProblem(List<String> lines, String expected) throws IOException {
        Path f = Files.write(dir.resolve("bad.csv"), lines);
        FileFormatException e = assertThrows(FileFormatException.class, () -> StanCsv.read(f));
        assertEquals(expected, e.problem());
    }
}
