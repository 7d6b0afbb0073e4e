package dev.credence.models.bnn.plot;

import dev.credence.models.bnn.metrics.ReliabilityDiagram;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A reliability diagram as a PNG: one bar per confidence bin with the bin's accuracy, the bin's
 * mean confidence as a marker, and the diagonal of perfect calibration; the title carries the
 * expected calibration error.
 */
public final class ReliabilityPlot {
    private static final Color BAR = new Color(107, 174, 214);
    private static final Color GAP = new Color(203, 24, 29);

    private ReliabilityPlot() {}

    /**
     * Writes the figure.
     *
     * @param file the PNG file (folders are created)
     * @param d the diagram
     * @param title the title (the ECE is appended)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, ReliabilityDiagram d, String title) throws IOException {
        Canvas c = new Canvas(480, 440);
        Canvas.Panel p = c.panel(60, 40, 380, 340, new double[] {0, 1}, new double[] {0, 1});
        p.axes(
                title + String.format(Locale.ROOT, "  (ECE %.3f)", d.ece()),
                "confidence (bars: accuracy)");
        for (int b = 0; b < d.count().length; b++) {
            if (d.count()[b] == 0) {
                continue;
            }
            p.rect(d.lower()[b], d.upper()[b], 0, d.accuracy()[b], BAR);
            double mid = 0.5 * (d.lower()[b] + d.upper()[b]);
            p.points(new double[] {mid}, new double[] {d.confidence()[b]}, GAP, 3);
        }
        p.line(new double[] {0, 1}, new double[] {0, 1}, Canvas.INK, 1f);
        p.legend(new String[] {"accuracy per bin", "mean confidence"}, new Color[] {BAR, GAP});
        c.write(file);
    }
}
