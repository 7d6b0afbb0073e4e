package dev.credence.plot.image;

import dev.credence.plot.Charts;
import dev.credence.plot.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;

/**
 * A two-dimensional latent space: one point per example at its code, coloured by its class, on
 * fixed axes so that figures of successive epochs compare.
 */
public final class LatentFigure {
    /** The side of the square figure, in pixels. */
    public static final int SIZE = 480;

    private LatentFigure() {}

    /**
     * The figure.
     *
     * @param xy the codes, {@code x0, y0, x1, y1, ...}
     * @param labels one class per point (any integer)
     * @param extent the axes run from {@code -extent} to {@code extent}
     * @return the figure
     */
    public static Figure of(double[] xy, int[] labels, double extent) {
        if (xy.length != 2 * labels.length) {
            throw new IllegalArgumentException(
                    "latent figure: " + xy.length / 2 + " points but " + labels.length + " labels");
        }
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int p = 0; p < labels.length; p++) {
            byClass.computeIfAbsent(labels[p], k -> new ArrayList<>()).add(p);
        }
        XYChart c = Charts.xy("latent codes by class", "z1", "z2", SIZE, SIZE);
        c.getStyler().setMarkerSize(3);
        for (var e : byClass.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] x = new double[idx.size()];
            double[] y = new double[idx.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = xy[2 * idx.get(i)];
                y[i] = xy[2 * idx.get(i) + 1];
            }
            Charts.points(
                    c, "class " + e.getKey(), x, y, Charts.color(Math.floorMod(e.getKey(), 8)));
        }
        c.getStyler().setXAxisMin(-extent);
        c.getStyler().setXAxisMax(extent);
        c.getStyler().setYAxisMin(-extent);
        c.getStyler().setYAxisMax(extent);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return Figure.of(c);
    }
}
