package dev.credence.plot.bnn;

import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.awt.Color;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * A reliability diagram (Guo et al., 2017, "On calibration of modern neural networks", figure 1):
 * per confidence bin, the accuracy of the predictions in it as a bar, the bin's mean confidence as
 * a point, and the diagonal of perfect calibration; the title carries the expected calibration
 * error.
 */
public final class ReliabilityFigure {
    private static final Color BAR = new Color(107, 174, 214);

    private ReliabilityFigure() {}

    /**
     * The figure. Empty bins are left out.
     *
     * @param lower the lower edge of each bin
     * @param upper the upper edge of each bin
     * @param accuracy the accuracy in each bin
     * @param confidence the mean confidence in each bin
     * @param count the predictions in each bin
     * @param ece the expected calibration error
     * @param title the title (the ECE is appended)
     * @return the figure
     */
    public static Figure of(
            double[] lower,
            double[] upper,
            double[] accuracy,
            double[] confidence,
            int[] count,
            double ece,
            String title) {
        XYChart c =
                Charts.xy(
                        title + String.format(Locale.ROOT, "  (ECE %.3f)", ece),
                        "confidence",
                        "accuracy",
                        480,
                        440);
        int k = 0;
        for (int b = 0; b < count.length; b++) {
            if (count[b] == 0) {
                continue;
            }
            double[] x = {lower[b], upper[b]};
            double[] zero = {0, 0};
            double[] acc = {accuracy[b], accuracy[b]};
            Charts.band(c, "bin " + b, x, zero, acc, BAR).setShowInLegend(k++ == 0);
            c.getSeriesMap().get("bin " + b).setLineColor(Color.WHITE);
        }
        int n = 0;
        for (int v : count) {
            n += v > 0 ? 1 : 0;
        }
        double[] mx = new double[n];
        double[] my = new double[n];
        int j = 0;
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                mx[j] = 0.5 * (lower[b] + upper[b]);
                my[j++] = confidence[b];
            }
        }
        if (n > 0) {
            Charts.points(c, "mean confidence", mx, my, Charts.ALERT);
        }
        Charts.line(c, "calibrated", new double[] {0, 1}, new double[] {0, 1}, Color.DARK_GRAY, 1f);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return Figure.of(c);
    }
}
