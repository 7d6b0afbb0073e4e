package dev.credence.plot;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.credence.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure: one XChart chart, or several tiled in a grid (one panel per parameter, say), drawn as
 * PNG (Java2D, written by ImageIO) or SVG (VectorGraphics2D, the library XChart itself uses for
 * vector output). XChart draws one chart per canvas; the grid is painted here by translating the
 * canvas from panel to panel, so PNG and SVG come from the same drawing code.
 *
 * <pre>{@code
 * Figure f = Figure.grid(List.of(chartA, chartB, chartC), 2);   // two columns
 * f.write(dir, "trace");                                         // trace.png and trace.svg
 * byte[] png = f.png();                                          // for a data URI
 * }</pre>
 */
public final class Figure {
    private final List<? extends Chart<?, ?>> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;

    private Figure(List<? extends Chart<?, ?>> panels, int columns) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one chart");
        }
        if (columns < 1) {
            throw new IllegalArgumentException(
                    "a figure needs at least one column, found " + columns);
        }
        this.panels = List.copyOf(panels);
        this.columns = Math.min(columns, panels.size());
        this.panelWidth = panels.stream().mapToInt(Chart::getWidth).max().orElseThrow();
        this.panelHeight = panels.stream().mapToInt(Chart::getHeight).max().orElseThrow();
    }

    /**
     * A figure of one chart.
     *
     * @param chart the chart
     * @return the figure
     */
    public static Figure of(Chart<?, ?> chart) {
        return new Figure(List.of(chart), 1);
    }

    /**
     * Charts tiled row by row, each in a cell as large as the largest chart.
     *
     * @param charts the charts
     * @param columns charts per row
     * @return the figure
     */
    public static Figure grid(List<? extends Chart<?, ?>> charts, int columns) {
        return new Figure(charts, columns);
    }

    /**
     * Returns the width in pixels.
     *
     * @return the width
     */
    public int width() {
        return columns * panelWidth;
    }

    /**
     * Returns the height in pixels.
     *
     * @return the height
     */
    public int height() {
        return ((panels.size() + columns - 1) / columns) * panelHeight;
    }

    /**
     * Paints the figure on a canvas at its origin.
     *
     * @param g the canvas
     */
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D cell = (Graphics2D) g.create();
            cell.translate((i % columns) * panelWidth, (i / columns) * panelHeight);
            cell.clipRect(0, 0, panelWidth, panelHeight);
            panels.get(i).paint(cell, panelWidth, panelHeight);
            cell.dispose();
        }
    }

    /**
     * Draws the figure as a PNG image.
     *
     * @return the PNG bytes
     */
    public byte[] png() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paint(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Draws the figure as an SVG document.
     *
     * @return the SVG text
     */
    public String svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Processors.get("svg")
                    .getDocument(g.getCommands(), new PageSize(0, 0, width(), height()))
                    .writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("SVG encoding failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code NAME.png} and {@code NAME.svg} in a folder, each atomically.
     *
     * @param dir the folder (created if needed)
     * @param name the file name without extension
     * @return the two files, PNG first
     * @throws IOException if a file cannot be written
     */
    public List<Path> write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path png = writePng(dir.resolve(name + ".png"));
        Path svg = dir.resolve(name + ".svg");
        AtomicFiles.writeString(svg, svg());
        return List.of(png, svg);
    }

    /**
     * Writes the PNG image to a file, atomically.
     *
     * @param file the file (its folder is created if needed)
     * @return the file
     * @throws IOException if it cannot be written
     */
    public Path writePng(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        byte[] bytes = png();
        AtomicFiles.write(file, out -> out.write(bytes));
        return file;
    }
}
