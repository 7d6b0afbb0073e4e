package dev.credence.plot.mcmc;

import dev.credence.api.infer.Draws;
import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Pair plots: the joint draws of two parameters, with the draws that ended a divergent transition
 * marked in red. Divergences that cluster in one region (the neck of a funnel, say) point at the
 * geometry the sampler could not follow; scattered ones are more often false positives (Betancourt,
 * 2017, "A conceptual introduction to Hamiltonian Monte Carlo", section 6.2).
 */
public final class PairFigure {
    private PairFigure() {}

    /**
     * One panel per pair of the given parameters.
     *
     * @param d the draws (with the sampler statistic {@code divergent} when there is one)
     * @param names the parameters, two to four
     * @return the figure
     */
    public static Figure of(Draws d, List<String> names) {
        if (names.size() < 2) {
            throw new IllegalArgumentException(
                    "a pair plot needs two parameters or more, found " + names);
        }
        double[][] div = d.stats().get("divergent");
        List<XYChart> panels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                panels.add(panel(d, names.get(i), names.get(j), div));
            }
        }
        return Figure.grid(panels, Math.min(3, panels.size()));
    }

    private static XYChart panel(Draws d, String a, String b, double[][] div) {
        double[][] x = d.parameter(a);
        double[][] y = d.parameter(b);
        List<double[]> ok = new ArrayList<>();
        List<double[]> bad = new ArrayList<>();
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[c].length; i++) {
                boolean divergent = div != null && div[c][i] > 0.5;
                (divergent ? bad : ok).add(new double[] {x[c][i], y[c][i]});
            }
        }
        XYChart chart =
                Charts.xy(a + " vs " + b + " (" + bad.size() + " divergent)", a, b, 380, 320);
        chart.getStyler().setMarkerSize(3);
        add(chart, "draws", ok, Charts.color(0));
        if (!bad.isEmpty()) {
            add(chart, "divergent", bad, Charts.ALERT);
        }
        return chart;
    }

    private static void add(XYChart c, String name, List<double[]> pts, java.awt.Color color) {
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        Charts.points(c, name, x, y, color);
    }
}
