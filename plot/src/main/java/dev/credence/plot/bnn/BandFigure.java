package dev.credence.plot.bnn;

import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Predictive bands of a regression on one input, one panel per fitted model side by side: the
 * training points, the predictive mean, the central interval of the total predictive distribution
 * (light) and the interval from epistemic uncertainty alone (dark), so that growth of uncertainty
 * away from the data shows as growth of the dark band.
 *
 * <pre>{@code
 * BandFigure.of(xTrain, yTrain, List.of(new BandFigure.Panel("NUTS", grid, mean, lo, hi, elo, ehi)))
 *         .write(dir, "bnn-uncertainty");
 * }</pre>
 */
public final class BandFigure {
    private static final Color TOTAL = new Color(198, 219, 239);
    private static final Color EPISTEMIC = new Color(107, 174, 214);
    private static final Color MEAN = new Color(8, 48, 107);
    private static final Color DATA = new Color(203, 24, 29);

    private BandFigure() {}

    /**
     * One model's predictive on a grid of inputs.
     *
     * @param title the panel title
     * @param x the grid, increasing
     * @param mean the predictive mean
     * @param lower the lower end of the total predictive interval
     * @param upper its upper end
     * @param epistemicLower the lower end of the epistemic band
     * @param epistemicUpper its upper end
     */
    public record Panel(
            String title,
            double[] x,
            double[] mean,
            double[] lower,
            double[] upper,
            double[] epistemicLower,
            double[] epistemicUpper) {
        /**
         * Checks that the curves match the grid.
         *
         * @param title the title
         * @param x the grid
         * @param mean the mean
         * @param lower the total lower end
         * @param upper the total upper end
         * @param epistemicLower the epistemic lower end
         * @param epistemicUpper the epistemic upper end
         */
        public Panel {
            for (double[] a : List.of(mean, lower, upper, epistemicLower, epistemicUpper)) {
                if (a.length != x.length) {
                    throw new IllegalArgumentException(
                            "band panel '"
                                    + title
                                    + "': "
                                    + a.length
                                    + " values for "
                                    + x.length
                                    + " grid points");
                }
            }
        }
    }

    /**
     * The figure, panels left to right on shared axes.
     *
     * @param xTrain the training inputs
     * @param yTrain the training targets
     * @param panels the panels
     * @param interval the label of the total interval, such as "95% predictive"
     * @param epistemic the label of the epistemic band, such as "+-2 epistemic sd"
     * @return the figure
     */
    public static Figure of(
            double[] xTrain,
            double[] yTrain,
            List<Panel> panels,
            String interval,
            String epistemic) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a band figure needs at least one panel");
        }
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (Panel p : panels) {
            for (int i = 0; i < p.x().length; i++) {
                ylo = Math.min(ylo, p.lower()[i]);
                yhi = Math.max(yhi, p.upper()[i]);
            }
        }
        for (double v : yTrain) {
            ylo = Math.min(ylo, v);
            yhi = Math.max(yhi, v);
        }
        List<XYChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            XYChart c = Charts.xy(p.title(), "x", "y", 520, 380);
            Charts.band(c, interval, p.x(), p.lower(), p.upper(), TOTAL);
            Charts.band(c, epistemic, p.x(), p.epistemicLower(), p.epistemicUpper(), EPISTEMIC);
            Charts.line(c, "mean", p.x(), p.mean(), MEAN, 2f);
            Charts.points(c, "data", xTrain, yTrain, DATA);
            c.getStyler().setYAxisMin(ylo);
            c.getStyler().setYAxisMax(yhi);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
            charts.add(c);
        }
        return Figure.grid(charts, charts.size());
    }
}
