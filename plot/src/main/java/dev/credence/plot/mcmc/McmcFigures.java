package dev.credence.plot.mcmc;

import dev.credence.api.infer.Draws;
import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures that show whether MCMC chains mixed, after Gabry et al. (2019), "Visualization in
 * Bayesian workflow", and Vehtari et al. (2021), "Rank-normalization, folding, and localization":
 *
 * <ul>
 *   <li>{@link #trace}: each chain's draws against the iteration, one panel per parameter;
 *   <li>{@link #rank}: per chain, the histogram of the draws' ranks in the pooled draws; chains
 *       that mixed give flat histograms, a chain stuck in one region piles up at one end;
 *   <li>{@link #autocorrelation}: each chain's autocorrelation against the lag.
 * </ul>
 *
 * {@link PairFigure} and {@link EnergyFigure} show divergences and the energy diagnostic.
 */
public final class McmcFigures {
    static final int WIDTH = 440;
    static final int HEIGHT = 240;

    private McmcFigures() {}

    /**
     * Trace plots.
     *
     * @param d the draws
     * @param names the parameters to show (flat names, as {@link Draws#parameterNames()})
     * @return the figure, two panels per row
     */
    public static Figure trace(Draws d, List<String> names) {
        List<XYChart> panels = new ArrayList<>();
        for (String name : names) {
            double[][] v = d.parameter(name);
            XYChart c = Charts.xy(name, "iteration", name, WIDTH, HEIGHT);
            for (int ch = 0; ch < v.length; ch++) {
                double[] it = new double[v[ch].length];
                Arrays.setAll(it, i -> i + 1);
                Charts.line(c, "chain " + (ch + 1), it, v[ch], Charts.color(ch), 0.8f);
            }
            c.getStyler().setLegendVisible(v.length > 1 && panels.isEmpty());
            roundTicks(c, v[0][0]);
            panels.add(c);
        }
        return Figure.grid(panels, 2);
    }

    /**
     * Makes XChart choose round x ticks (0, 200, 400, ...). Given x values that are all equally
     * spaced, as iterations are, it labels data values instead, as densely as it judges they fit,
     * which runs four-digit numbers together; one invisible point off the grid, at x = 0.5, turns
     * that off.
     */
    private static void roundTicks(XYChart c, double y) {
        XYSeries s = Charts.points(c, " ", new double[] {0.5}, new double[] {y}, Color.WHITE);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /**
     * Rank histograms.
     *
     * @param d the draws
     * @param names the parameters to show
     * @param bins the number of bins
     * @return the figure, two panels per row
     */
    public static Figure rank(Draws d, List<String> names, int bins) {
        List<XYChart> panels = new ArrayList<>();
        for (String name : names) {
            double[][] v = d.parameter(name);
            int[][] ranks = ranks(v);
            int total = v.length * v[0].length;
            double[] edges = new double[bins + 1];
            Arrays.setAll(edges, b -> (double) b * total / bins);
            XYChart c = Charts.xy(name, "rank in all chains", "draws", WIDTH, HEIGHT);
            for (int ch = 0; ch < v.length; ch++) {
                double[] counts = new double[bins];
                for (int r : ranks[ch]) {
                    counts[Math.min(bins - 1, (int) ((long) r * bins / total))]++;
                }
                Charts.steps(c, "chain " + (ch + 1), edges, counts, Charts.color(ch));
            }
            double expected = (double) v[0].length / bins;
            Charts.line(
                            c,
                            "uniform",
                            new double[] {0, total},
                            new double[] {expected, expected},
                            Color.GRAY,
                            1f)
                    .setLineStyle(
                            new BasicStroke(
                                    1f,
                                    BasicStroke.CAP_BUTT,
                                    BasicStroke.JOIN_MITER,
                                    1f,
                                    new float[] {4f, 4f},
                                    0f));
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setLegendVisible(false);
            panels.add(c);
        }
        return Figure.grid(panels, 2);
    }

    /**
     * Autocorrelation plots.
     *
     * @param d the draws
     * @param names the parameters to show
     * @param maxLag the largest lag shown
     * @return the figure, two panels per row
     */
    public static Figure autocorrelation(Draws d, List<String> names, int maxLag) {
        List<XYChart> panels = new ArrayList<>();
        for (String name : names) {
            double[][] v = d.parameter(name);
            XYChart c = Charts.xy(name, "lag", "autocorrelation", WIDTH, HEIGHT);
            for (int ch = 0; ch < v.length; ch++) {
                double[] rho = autocorrelation(v[ch], Math.min(maxLag, v[ch].length - 1));
                double[] lag = new double[rho.length];
                Arrays.setAll(lag, i -> i);
                Charts.line(c, "chain " + (ch + 1), lag, rho, Charts.color(ch), 1.2f);
            }
            c.getStyler().setYAxisMin(-0.2);
            c.getStyler().setYAxisMax(1.0);
            c.getStyler().setLegendVisible(false);
            panels.add(c);
        }
        return Figure.grid(panels, 2);
    }

    /**
     * The sample autocorrelation of a series at lags 0 to {@code maxLag} (the biased estimator,
     * divided by n at every lag, as Stan and ArviZ plot it).
     *
     * @param x the series
     * @param maxLag the largest lag
     * @return the autocorrelations, 1 at lag 0 (or 0 everywhere for a constant series)
     */
    public static double[] autocorrelation(double[] x, int maxLag) {
        int n = x.length;
        double mean = Arrays.stream(x).average().orElse(0);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double[] rho = new double[Math.max(0, maxLag) + 1];
        if (var == 0) {
            return rho;
        }
        for (int k = 0; k < rho.length; k++) {
            double s = 0;
            for (int t = 0; t + k < n; t++) {
                s += (x[t] - mean) * (x[t + k] - mean);
            }
            rho[k] = s / var;
        }
        return rho;
    }

    /**
     * The rank (0-based, ties broken by position) of every draw among all chains' draws.
     *
     * @param v {@code [chain][draw]}
     * @return the ranks, {@code [chain][draw]}
     */
    static int[][] ranks(double[][] v) {
        int m = v.length;
        int n = v[0].length;
        Integer[] order = new Integer[m * n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(v[a / n][a % n], v[b / n][b % n]));
        int[][] r = new int[m][n];
        for (int k = 0; k < order.length; k++) {
            r[order[k] / n][order[k] % n] = k;
        }
        return r;
    }

    /**
     * Formats a number for titles.
     *
     * @param v the number
     * @return two decimals
     */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
