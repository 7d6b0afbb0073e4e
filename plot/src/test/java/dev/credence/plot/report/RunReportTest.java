package dev.credence.plot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.Draws;
import dev.credence.io.AtomicFiles;
import dev.credence.io.stan.StanCsv;
import dev.credence.io.stan.StanExport;
import dev.credence.io.stan.StanRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report of MCMC and VAE-like folders: warnings, coloured cells, inlined figures. */
class RunReportTest {
    @TempDir Path dir;

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private void chains(Draws d) throws IOException {
        for (var c : StanExport.chains(d, new StanRun("test", 1, 100, 10, 0.8), 1.0)) {
            StanCsv.write(dir.resolve("test-" + c.id() + ".csv"), c);
        }
    }

    @Test
    @DisplayName("chains that disagree: the R-hat and divergence warnings, red cells, five figures")
    void mcmcWarnings() throws IOException {
        chains(dev.credence.plot.FiguresTest.draws(300, 3.0));
        Path page = RunReport.write(dir);
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("R-hat above 1.01"), "warns on the shifted chain");
        assertTrue(html.contains("divergent transitions after warm-up"), "warns on divergences");
        assertTrue(html.contains("class=\"bad\">"), "a red cell");
        assertEquals(5, count(html, "data:image/png;base64,"), "trace, rank, pairs, energy, acf");
        assertFalse(html.contains("src=\"http"), "nothing is loaded from elsewhere");
    }

    @Test
    @DisplayName("the report's figures as PNG and SVG files, named by what they show")
    void figureFiles(@TempDir Path target) throws IOException {
        chains(dev.credence.plot.FiguresTest.draws(200, 0.0));
        List<Path> files = RunReport.writeFigures(dir, target.resolve("figures"));
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        for (String n : List.of("trace", "rank", "pairs", "energy", "autocorrelation")) {
            assertTrue(names.contains(n + ".png") && names.contains(n + ".svg"), n + ": " + names);
        }
        assertEquals(10, files.size());
        byte[] png = Files.readAllBytes(target.resolve("figures/trace.png"));
        assertEquals((byte) 0x89, png[0], "a PNG signature");
        assertEquals('P', png[1]);
        assertTrue(Files.readString(target.resolve("figures/pairs.svg")).contains("<svg"));
    }

    @Test
    @DisplayName("a VAE-like folder: the ELBO curve, the run's own pictures, no MCMC sections")
    void metricsAndPictures() throws IOException {
        AtomicFiles.writeString(
                dir.resolve("metrics.json"),
                "[{\"epoch\": 1, \"train_loss\": 300.5, \"test_loss\": 290.0, \"test_kl\": 12.0},"
                        + " {\"epoch\": 2, \"train_loss\": 250.0, \"test_loss\": 260.0,"
                        + " \"test_kl\": 14.0}]");
        dev.credence.plot.image.ImageGrid.write(
                dir.resolve("samples.png"), new float[] {0, 1, 1, 0}, 2, 2, 1);
        String html = Files.readString(RunReport.write(dir));
        assertTrue(html.contains("<h2>ELBO</h2>"));
        assertTrue(html.contains("<h2>samples.png</h2>"));
        assertFalse(html.contains("Summary ("));
        assertEquals(2, count(html, "data:image/png;base64,"));
        assertTrue(html.contains("All diagnostic checks passed."));
    }

    @Test
    @DisplayName(
            "an SVI trace (bnn fit): the ELBO curve by step, and a warning for a non-finite ELBO")
    void sviTrace() throws IOException {
        AtomicFiles.writeString(
                dir.resolve("metrics.json"),
                "[{\"step\": 100, \"elbo\": -310.5, \"log_likelihood\": -280.0, \"kl\": 30.5},"
                        + " {\"step\": 200, \"elbo\": -120.0, \"log_likelihood\": -95.0,"
                        + " \"kl\": 25.0},"
                        + " {\"step\": 300, \"elbo\": null, \"log_likelihood\": null,"
                        + " \"kl\": null}]");
        String html = Files.readString(RunReport.write(dir));
        assertTrue(html.contains("<h2>ELBO</h2>"), html);
        assertTrue(html.contains("by optimisation step"), html);
        assertTrue(html.contains("the ELBO estimate at step 300 is not finite"), html);
        assertFalse(html.contains("training loss"), "no per-epoch loss warnings: " + html);
        assertEquals(1, count(html, "data:image/png;base64,"));
    }

    @Test
    @DisplayName(
            "a fit scored once (bnn fit --images): metrics.json as one object, shown as scores")
    void scores() throws IOException {
        AtomicFiles.writeString(
                dir.resolve("metrics.json"),
                "{\"inference\": \"laplace\", \"accuracy\": 0.8125, \"ood_auroc\": 0.5}");
        String html = Files.readString(RunReport.write(dir));
        assertTrue(html.contains("<h2>Scores</h2>"), html);
        assertTrue(html.contains("<td>accuracy</td><td>0.8125</td>"), html);
        assertFalse(html.contains("<h2>ELBO</h2>"), html);
        AtomicFiles.writeString(dir.resolve("metrics.json"), "3");
        IOException e = assertThrows(IOException.class, () -> RunReport.write(dir));
        assertTrue(e.getMessage().contains("one object of scores"), e.getMessage());
    }
}
