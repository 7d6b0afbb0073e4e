package dev.credence.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.io.stan.StanChain;
import dev.credence.io.stan.StanCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by version 0.1 of the command line (before the io module; see {@code
 * legacy/README.md} for the commands) still read with today's code, with their exact values.
 */
class LegacyFilesTest {
    @TempDir Path dir;

    private Path copy(String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/legacy/" + name)) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    @DisplayName("a Stan CSV chain written by 'sample eight-schools' reads with its draws")
    void stanCsv() throws IOException {
        StanChain c = StanCsv.read(copy("eight-schools-1.csv"));
        assertEquals(1, c.id());
        assertEquals(40, c.draws().length);
        assertEquals(List.of("mu", "tau"), c.names().subList(0, 2));
        assertEquals(18, c.names().size());
        assertEquals(1.8680097578189865, c.draws()[0][0]);
        assertEquals(1.369819583699987, c.draws()[0][1]);
        assertEquals(-45.55511666694826, c.diagnostics()[0][0]);
        assertEquals(0.6428377725406423, c.stepSize());
        assertEquals(60, c.run().numWarmup());
        assertEquals(0.8, c.run().adaptDelta());
    }

    @Test
    @DisplayName("the run record beside it reads with its settings and times")
    void runRecord() throws IOException {
        copy("eight-schools-1.csv");
        copy("eight-schools-1.csv.run.json");
        RunRecord r = RunRecord.readBeside(dir.resolve("eight-schools-1.csv"));
        assertEquals("jvm", r.backend());
        assertEquals("nuts", r.algorithm());
        assertEquals(1L, r.seed());
        assertEquals("builtin:eight-schools", r.dataHash());
        assertEquals("40", r.config().get("num-samples"));
        assertEquals(Instant.parse("2026-12-03T22:48:08.536134455Z"), r.start());
        assertEquals("development", r.libraryVersion());
    }

    @Test
    @DisplayName("the VAE's metrics.json reads as one object per epoch")
    void metricsJson() throws IOException {
        Object parsed = Json.parse(Files.readString(copy("vae-metrics.json")));
        List<?> rows = (List<?>) parsed;
        assertEquals(1, rows.size());
        Map<?, ?> epoch = (Map<?, ?>) rows.get(0);
        assertEquals(548.64599609375, ((Number) epoch.get("train_loss")).doubleValue());
        assertEquals(1L, ((Number) epoch.get("epoch")).longValue());
    }

    @Test
    @DisplayName("the summary.csv of 'sample' has the header and one row per parameter")
    void summaryCsv() throws IOException {
        List<String> lines = Files.readAllLines(copy("summary.csv"));
        assertEquals("parameter,mean,sd,q5,q50,q95,mcse_mean,ess_bulk,ess_tail,rhat", lines.get(0));
        assertEquals(19, lines.size());
        assertTrue(lines.get(1).startsWith("mu,"), lines.get(1));
    }
}
