package dev.credence.plot.mcmc;

import dev.credence.api.infer.Draws;
import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The energy plot of Hamiltonian Monte Carlo (Betancourt, 2016, "Diagnosing suboptimal cotangent
 * disintegrations in Hamiltonian Monte Carlo"): the histogram of the marginal energy (centred)
 * beside that of the energy's change between successive draws. When the second is much narrower
 * than the first, the momentum resampling cannot move the chain through the energy levels fast
 * enough: E-BFMI, the ratio of their variances, is then small (below 0.3 is a warning).
 */
public final class EnergyFigure {
    private EnergyFigure() {}

    /**
     * The figure, or null when the draws have no {@code energy} statistic.
     *
     * @param d the draws
     * @param bins the number of bins
     * @return the figure, or null
     */
    public static Figure of(Draws d, int bins) {
        double[][] e = d.stats().get("energy");
        if (e == null || e.length == 0 || e[0].length < 2) {
            return null;
        }
        List<Double> centred = new ArrayList<>();
        List<Double> change = new ArrayList<>();
        for (double[] chain : e) {
            double mean = Arrays.stream(chain).average().orElse(0);
            for (int i = 0; i < chain.length; i++) {
                centred.add(chain[i] - mean);
                if (i > 0) {
                    change.add(chain[i] - chain[i - 1]);
                }
            }
        }
        double lo = Math.min(min(centred), min(change));
        double hi = Math.max(max(centred), max(change));
        if (hi <= lo) {
            hi = lo + 1;
        }
        double[] edges = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + b * step;
        }
        StringBuilder title = new StringBuilder("energy; E-BFMI per chain:");
        for (double v : d.ebfmi()) {
            title.append(' ').append(McmcFigures.fmt(v));
        }
        XYChart c = Charts.xy(title.toString(), "energy", "density", 600, 320);
        Charts.steps(
                c, "marginal energy (centred)", edges, density(centred, edges), Charts.color(0));
        Charts.steps(c, "energy transition", edges, density(change, edges), Charts.color(1));
        c.getStyler().setYAxisMin(0.0);
        return Figure.of(c);
    }

    private static double[] density(List<Double> x, double[] edges) {
        int bins = edges.length - 1;
        double w = edges[1] - edges[0];
        double[] h = new double[bins];
        for (double v : x) {
            int b = (int) Math.floor((v - edges[0]) / w);
            h[Math.max(0, Math.min(bins - 1, b))]++;
        }
        for (int b = 0; b < bins; b++) {
            h[b] /= x.size() * w;
        }
        return h;
    }

    private static double min(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
