package dev.credence.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The house style of Credence's figures, set once: white background, light grid, a colour-blind
 * safe palette (Okabe and Ito, 2008) for chains and series, and small helpers that add the series
 * kinds the figures use.
 */
public final class Charts {
    /** Okabe-Ito colours: blue, orange, bluish green, vermillion, reddish purple, sky, yellow. */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178),
        new Color(230, 159, 0),
        new Color(0, 158, 115),
        new Color(213, 94, 0),
        new Color(204, 121, 167),
        new Color(86, 180, 233),
        new Color(240, 228, 66),
        Color.DARK_GRAY
    };

    /** The colour that marks problems: divergent transitions, a failed check. */
    public static final Color ALERT = new Color(213, 0, 0);

    private Charts() {}

    /**
     * A line chart in the house style.
     *
     * @param title the title
     * @param x the x-axis title
     * @param y the y-axis title
     * @param width the width in pixels
     * @param height the height in pixels
     * @return the chart
     */
    public static XYChart xy(String title, String x, String y, int width, int height) {
        XYChart c =
                new XYChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(x)
                        .yAxisTitle(y)
                        .build();
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setSeriesColors(PALETTE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(220, 220, 220));
        s.setPlotBorderVisible(false);
        c.getStyler().setPlotGridLinesColor(new Color(235, 235, 235));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setMarkerSize(4);
        c.getStyler().setXAxisMaxLabelCount(8);
        c.getStyler().setXAxisDecimalPattern("#,##0.##");
        c.getStyler().setYAxisDecimalPattern("#,##0.###");
        return c;
    }

    /**
     * Adds a line without markers.
     *
     * @param c the chart
     * @param name the legend entry (unique in the chart)
     * @param x the x values
     * @param y the y values
     * @param color the colour
     * @param width the line width
     * @return the series
     */
    public static XYSeries line(
            XYChart c, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
        return s;
    }

    /**
     * Adds points.
     *
     * @param c the chart
     * @param name the legend entry (unique in the chart)
     * @param x the x values
     * @param y the y values
     * @param color the colour
     * @return the series
     */
    public static XYSeries points(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    /**
     * Adds a filled band between two curves over the same x values.
     *
     * @param c the chart
     * @param name the legend entry (unique in the chart)
     * @param x the x values, increasing
     * @param lower the lower curve
     * @param upper the upper curve
     * @param color the fill colour
     * @return the series
     */
    public static XYSeries band(
            XYChart c, String name, double[] x, double[] lower, double[] upper, Color color) {
        int n = x.length;
        double[] px = new double[2 * n + 1];
        double[] py = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        px[2 * n] = x[0];
        py[2 * n] = upper[0];
        XYSeries s = c.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(color);
        s.setLineColor(color);
        return s;
    }

    /**
     * Adds a step line, as a histogram's outline.
     *
     * @param c the chart
     * @param name the legend entry (unique in the chart)
     * @param x the left edges of the bins, then the right edge of the last
     * @param counts the value of each bin
     * @param color the colour
     * @return the series
     */
    public static XYSeries steps(XYChart c, String name, double[] x, double[] counts, Color color) {
        double[] y = new double[x.length];
        System.arraycopy(counts, 0, y, 0, counts.length);
        y[x.length - 1] = counts[counts.length - 1];
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(1.5f));
        return s;
    }

    /**
     * Returns the colour of series {@code i} in the palette, cycling.
     *
     * @param i the index
     * @return the colour
     */
    public static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }
}
