package dev.credence.plot.vi;

import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The ELBO curve of a variational fit, and beside it its parts (the expected log-likelihood and the
 * KL divergence from the prior, or a test loss) on their own scales: an ELBO that rises while the
 * KL climbs is fitting the data; one that rises by collapsing the KL is not.
 *
 * <pre>{@code
 * ElboFigure.of(epochs, elbo, "epoch", Map.of("test loss", testLoss, "KL", kl)).write(dir, "elbo");
 * }</pre>
 */
public final class ElboFigure {
    private ElboFigure() {}

    /**
     * The figure.
     *
     * @param x the steps or epochs
     * @param elbo the ELBO at each (non-finite values are left out)
     * @param xTitle what {@code x} counts
     * @param parts further curves over the same {@code x}, one panel each, in order
     * @return the figure
     */
    public static Figure of(double[] x, double[] elbo, String xTitle, Map<String, double[]> parts) {
        List<XYChart> panels = new ArrayList<>();
        XYChart c = Charts.xy("ELBO", xTitle, "ELBO", 520, 300);
        addFinite(c, "ELBO", x, elbo, 0);
        c.getStyler().setLegendVisible(false);
        panels.add(c);
        int k = 1;
        for (Map.Entry<String, double[]> e : parts.entrySet()) {
            XYChart p = Charts.xy(e.getKey(), xTitle, e.getKey(), 520, 300);
            addFinite(p, e.getKey(), x, e.getValue(), k++);
            p.getStyler().setLegendVisible(false);
            panels.add(p);
        }
        return Figure.grid(panels, 2);
    }

    private static void addFinite(XYChart c, String name, double[] x, double[] y, int color) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "ELBO figure: '"
                            + name
                            + "' has "
                            + y.length
                            + " values for "
                            + x.length
                            + " x");
        }
        int n = 0;
        for (double v : y) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        double[] fx = new double[Math.max(1, n)];
        double[] fy = new double[Math.max(1, n)];
        int j = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                fx[j] = x[i];
                fy[j++] = y[i];
            }
        }
        Charts.line(c, name, fx, fy, Charts.color(color), 1.6f);
        if (n <= 30) {
            Charts.points(c, name + " points", fx, fy, Charts.color(color)).setShowInLegend(false);
        }
    }
}
