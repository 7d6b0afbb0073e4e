package dev.credence.models.bnn.plot;

import dev.credence.models.bnn.metrics.ConfidenceCurve;
import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * Accuracy against confidence threshold for several methods in one PNG, one line per method ({@link
 * ConfidenceCurve}); thresholds where no example is kept are left out. Drawn with the plot module's
 * {@link Charts}.
 */
public final class ConfidencePlot {
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
        XYChart chart = Charts.xy(title, "confidence threshold", "accuracy", 820, 460);
        // the legend beside the plot: with a dozen methods it would hide the curves inside it
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        int k = 0;
        for (var e : curves.entrySet()) {
            ConfidenceCurve c = e.getValue();
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < c.thresholds().length; i++) {
                if (!Double.isNaN(c.accuracy()[i])) {
                    pts.add(new double[] {c.thresholds()[i], c.accuracy()[i]});
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            XYSeries s = Charts.line(chart, e.getKey(), x, y, Charts.color(k), 2f);
            if (k >= Charts.PALETTE.length) {
                // the palette's colours come round again: dashed lines tell those apart
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
            k++;
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor(lo * 10) / 10));
        chart.getStyler().setYAxisMax(1.0);
        Figure.of(chart).writePng(file);
    }
}
