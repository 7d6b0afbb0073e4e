package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The progress bars of long runs: drawn by the library, with elapsed time and ETA, then closed. */
class RunProgressTest {
    private static final Pattern ETA =
            Pattern.compile("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");

    @Test
    @DisplayName("MCMC: one bar over all chains, with ETA, closed once every chain is done")
    void mcmc() {
        StringWriter text = new StringWriter();
        RunProgress p = new RunProgress(new PrintWriter(text), false);
        for (int i = 1; i <= 200; i++) {
            for (int c = 0; c < 2; c++) {
                p.onMcmc(new ProgressListener.Mcmc(c, i, 200, i <= 100, 0.25, i > 150 ? 1 : 0));
            }
        }
        String[] lines = text.toString().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("MCMC 100%"), last);
        assertTrue(last.contains("400/400"), last);
        assertTrue(last.contains("sampling, 2 chains"), last);
        assertTrue(last.contains("1 divergent"), last);
        assertTrue(ETA.matcher(last).find(), "elapsed / ETA shown: " + last);
        int before = text.toString().length();
        p.close();
        assertEquals(before, text.toString().length(), "the bar closed itself at the end");
    }

    @Test
    @DisplayName("SVI: the bar shows the ELBO; lines printed between redraws stay whole")
    void svi() {
        StringWriter text = new StringWriter();
        try (RunProgress p = new RunProgress(new PrintWriter(text), false)) {
            p.onSvi(new ProgressListener.Svi(50, 100, -123.5, -100, 23.5, 1000));
            p.println("epoch 1");
            p.onSvi(new ProgressListener.Svi(100, 100, -99.25, -90, 9.25, 1000));
        }
        String out = text.toString();
        String[] lines = out.split("\n");
        assertTrue(List.of(lines).contains("epoch 1"), out);
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("SVI 100%"), last);
        assertTrue(last.contains("ELBO -99.25"), last);
        assertTrue(ETA.matcher(last).find(), last);
    }
}
