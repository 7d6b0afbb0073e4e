package dev.credence.models.bnn.plot;

import dev.credence.models.bnn.metrics.ConfidenceCurve;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accuracy against confidence threshold for several methods in one PNG, one line per method ({@link
 * ConfidenceCurve}); thresholds where no example is kept are left out.
 */
public final class ConfidencePlot {
    private static final Color[] PALETTE = {
        new Color(31, 119, 180),
        new Color(255, 127, 14),
        new Color(44, 160, 44),
        new Color(214, 39, 40),
        new Color(148, 103, 189),
        new Color(140, 86, 75),
        new Color(227, 119, 194),
        new Color(127, 127, 127),
        new Color(188, 189, 34),
        new Color(23, 190, 207),
        new Color(0, 0, 0),
        new Color(255, 187, 120)
    };

    private ConfidencePlot() {}

    /**
     * Writes the figure.
     *
     * @param file the PNG file (folders are created)
     * @param curves one curve per method, in legend order
     * @param title the title
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Map<String, ConfidenceCurve> curves, String title)
            throws IOException {
        double lo = 1;
        for (ConfidenceCurve c : curves.values()) {
            for (double a : c.accuracy()) {
                if (!Double.isNaN(a)) {
                    lo = Math.min(lo, a);
                }
            }
        }
        lo = Math.max(0, Math.floor(lo * 10) / 10);
        Canvas canvas = new Canvas(560, 460);
        Canvas.Panel p = canvas.panel(60, 40, 460, 360, new double[] {0, 1}, new double[] {lo, 1});
        p.axes(title, "confidence threshold");
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        int k = 0;
        for (var e : curves.entrySet()) {
            ConfidenceCurve c = e.getValue();
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < c.thresholds().length; i++) {
                if (!Double.isNaN(c.accuracy()[i])) {
                    pts.add(new double[] {c.thresholds()[i], c.accuracy()[i]});
                }
            }
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            Color col = PALETTE[k++ % PALETTE.length];
            p.line(x, y, col, 2f);
            names.add(e.getKey());
            colors.add(col);
        }
        p.legend(names.toArray(new String[0]), colors.toArray(new Color[0]));
        canvas.write(file);
    }
}
