package dev.credence.models.bnn.plot;

import dev.credence.models.bnn.predict.RegressionPrediction;
import dev.credence.plot.bnn.BandFigure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The predictive band of a regression on one input, one panel per fitted model side by side:
 * training points, the predictive mean, the central 95% interval of the total predictive
 * distribution (light) and the {@code +-2} epistemic standard deviations around the mean (dark), so
 * that growth of uncertainty away from the data is visible as growth of the dark band. Drawn by the
 * plot module's {@link BandFigure}; this class turns predictions into its curves.
 *
 * <pre>{@code
 * UncertaintyPlot.write(Path.of("gap.png"), xTrain, yTrain, List.of(
 *         new UncertaintyPlot.Panel("NUTS", grid, nuts.summarise()),
 *         new UncertaintyPlot.Panel("Bayes by Backprop", grid, vi.summarise())));
 * }</pre>
 */
public final class UncertaintyPlot {
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
        List<BandFigure.Panel> bands = new ArrayList<>();
        for (Panel p : panels) {
            RegressionPrediction r = p.prediction();
            double[] m = r.mean();
            double[] esd = r.epistemicSd();
            double[][] ci = r.interval(0.95);
            double[] elo = new double[m.length];
            double[] ehi = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                elo[i] = m[i] - 2 * esd[i];
                ehi[i] = m[i] + 2 * esd[i];
            }
            bands.add(new BandFigure.Panel(p.title(), p.x(), m, ci[0], ci[1], elo, ehi));
        }
        BandFigure.of(xTrain, yTrain, bands, "95% predictive", "+-2 epistemic sd").writePng(file);
    }
}
