package dev.credence.models.posteriordb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Draws;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Stan JSON data, reference summaries and the agreement rule, on small inputs. */
class DataFilesTest {

    @Test
    void stanJsonDataReadsScalarsArraysAndMatrices() {
        PosteriorData d =
                PosteriorData.parse(
                        "{\"N\": 3, \"y\": [1.5, 2, -3e-1], \"k\": [4, 0, 7],"
                                + " \"X\": [[1, 2], [3, 4], [5, 6]], \"s\": 0.25}",
                        "test");
        assertEquals(3, d.integer("N"));
        assertEquals(0.25, d.real("s"));
        assertArrayEquals(new double[] {1.5, 2, -0.3}, d.reals("y"));
        assertArrayEquals(new int[] {4, 0, 7}, d.ints("k"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.matrixRowMajor("X"));
        assertEquals(List.of("N", "y", "k", "X", "s"), List.copyOf(d.names()));
    }

    @Test
    void wrongKindsAreClearErrors() {
        PosteriorData d = PosteriorData.parse("{\"y\": [1.5, 2], \"R\": [[1], [2, 3]]}", "d.json");
        IllegalArgumentException notInt =
                assertThrows(IllegalArgumentException.class, () -> d.ints("y"));
        assertTrue(notInt.getMessage().contains("y[1]"), notInt.getMessage());
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> d.reals("x"));
        assertTrue(missing.getMessage().contains("'x'") && missing.getMessage().contains("y"));
        IllegalArgumentException ragged =
                assertThrows(IllegalArgumentException.class, () -> d.matrix("R"));
        assertTrue(ragged.getMessage().contains("ragged"), ragged.getMessage());
    }

    @Test
    void referenceSummariesKeepNamesWithCommas() {
        ReferenceSummary r =
                ReferenceSummary.parse(
                        List.of(
                                "param,mean,sd,q5,q50,q95,n_draws,n_chains",
                                "mu,0.5,0.1,0.3,0.5,0.7,10000,10",
                                "z[1,2],-1,2,-4,-1,2,10000,10"),
                        "ref");
        assertEquals(List.of("mu", "z[1,2]"), r.params());
        assertEquals(2, r.byParam().get("z[1,2]").sd());
        assertThrows(
                IllegalArgumentException.class,
                () -> ReferenceSummary.parse(List.of("name,mean"), "bad"));
    }

    @Test
    void theRuleScalesWithTheEffectiveSampleSize() {
        ReferenceSummary.Row ref = new ReferenceSummary.Row("mu", 1.0, 2.0, 0, 0, 0);
        // ESS 400: mean bound 4 * 2 * sqrt(1/400 + 1e-4) = 0.4079; sd bound 4 sqrt(1/800) + 0.02.
        assertTrue(Agreement.verdict(ref, 1.40, 2.0, 400, 1).meanOk());
        assertFalse(Agreement.verdict(ref, 1.42, 2.0, 400, 1).meanOk());
        assertTrue(Agreement.verdict(ref, 1.0, 2.0 * 1.16, 400, 1).sdOk());
        assertFalse(Agreement.verdict(ref, 1.0, 2.0 * 1.17, 400, 1).sdOk());
        // More draws, tighter bounds.
        assertFalse(Agreement.verdict(ref, 1.40, 2.0, 4000, 1).meanOk());
    }

    @Test
    void everyPanelFolderHasAModel() throws IOException {
        Path panel = PanelFolder.find();
        List<String> folders;
        try (Stream<Path> dirs = Files.list(panel)) {
            folders =
                    dirs.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .sorted()
                            .toList();
        }
        assertEquals(12, folders.size(), "the panel has 12 posteriors: " + folders);
        assertEquals(folders, Panel.names());
    }

    @Test
    void everyModelBuildsFromItsDataAndNamesTheReferenceParameters() throws IOException {
        Path panel = PanelFolder.find();
        Backend b = Backends.discover().select("jvm");
        for (String n : Panel.names()) {
            ReferenceSummary ref = Panel.reference(n, panel);
            Potential pot = Potential.of(Panel.load(n, b, panel), RandomKey.of(1));
            List<String> names = new ArrayList<>();
            pot.constrain(pot.initialPoint(RandomKey.of(2)))
                    .forEach((site, v) -> names.addAll(Draws.flatNames(site, v.shape().dims())));
            assertTrue(names.containsAll(ref.params()), n + ": " + names + " vs " + ref.params());
        }
    }
}
