package dev.credence.models.bnn.plot;

import dev.credence.models.bnn.predict.RegressionPrediction;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The predictive band of a regression on one input, one panel per fitted model side by side:
 * training points, the predictive mean, the central 95% interval of the total predictive
 * distribution (light) and the {@code +-2} epistemic standard deviations around the mean (dark), so
 * that growth of uncertainty away from the data is visible as growth of the dark band.
 *
 * <pre>{@code
 * UncertaintyPlot.write(Path.of("gap.png"), xTrain, yTrain, List.of(
 *         new UncertaintyPlot.Panel("NUTS", grid, nuts.summarise()),
 *         new UncertaintyPlot.Panel("Bayes by Backprop", grid, vi.summarise())));
 * }</pre>
 */
public final class UncertaintyPlot {
    private static final Color TOTAL = new Color(198, 219, 239);
    private static final Color EPISTEMIC = new Color(107, 174, 214);
    private static final Color MEAN = new Color(8, 48, 107);
    private static final Color DATA = new Color(203, 24, 29);

    private UncertaintyPlot() {}

    /**
     * One panel: a model's predictive on a grid of inputs.
     *
     * @param title the panel title
     * @param x the grid, increasing
     * @param prediction the predictive summary on the grid
     */
    public record Panel(String title, double[] x, RegressionPrediction prediction) {}

    /**
     * Writes the figure.
     *
     * @param file the PNG file (folders are created)
     * @param xTrain the training inputs
     * @param yTrain the training targets
     * @param panels the panels, left to right, sharing axes
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, double[] xTrain, double[] yTrain, List<Panel> panels)
            throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("UncertaintyPlot: needs at least one panel");
        }
        int w = 520;
        int h = 380;
        Canvas c = new Canvas(w * panels.size(), h);
        double[] xr = Canvas.range(xTrain, panels.get(0).x());
        double[] yr = Canvas.range(yTrain);
        double span = yr[1] - yr[0];
        yr = new double[] {yr[0] - 0.6 * span, yr[1] + 0.6 * span};
        for (int k = 0; k < panels.size(); k++) {
            Panel p = panels.get(k);
            RegressionPrediction r = p.prediction();
            if (r.mean().length != p.x().length) {
                throw new IllegalArgumentException(
                        "UncertaintyPlot: panel '"
                                + p.title()
                                + "' has "
                                + r.mean().length
                                + " predictions for "
                                + p.x().length
                                + " grid points");
            }
            double[] m = r.mean();
            double[] esd = r.epistemicSd();
            double[] lo = new double[m.length];
            double[] hi = new double[m.length];
            double[] elo = new double[m.length];
            double[] ehi = new double[m.length];
            double[][] ci = r.interval(0.95);
            for (int i = 0; i < m.length; i++) {
                lo[i] = ci[0][i];
                hi[i] = ci[1][i];
                elo[i] = m[i] - 2 * esd[i];
                ehi[i] = m[i] + 2 * esd[i];
            }
            Canvas.Panel pan = c.panel(k * w + 60, 40, w - 90, h - 90, xr, yr);
            pan.axes(p.title(), "x");
            pan.band(p.x(), lo, hi, TOTAL);
            pan.band(p.x(), elo, ehi, EPISTEMIC);
            pan.line(p.x(), m, MEAN, 2f);
            pan.points(xTrain, yTrain, DATA, 3);
            pan.legend(
                    new String[] {"95% predictive", "+-2 epistemic sd", "mean", "data"},
                    new Color[] {TOTAL, EPISTEMIC, MEAN, DATA});
        }
        c.write(file);
    }
}
