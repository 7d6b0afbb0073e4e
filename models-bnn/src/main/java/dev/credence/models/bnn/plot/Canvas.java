package dev.credence.models.bnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A minimal plotting surface: panels with data coordinates, axes with ticks, bands, lines, points
 * and text, rendered into an image. Package-private: the public entry points are the plot classes.
 */
final class Canvas {
    static final Color INK = new Color(40, 40, 40);
    static final Color GRID = new Color(225, 225, 225);

    private final BufferedImage image;
    private final Graphics2D g;

    Canvas(int width, int height) {
        System.setProperty("java.awt.headless", "true");
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** A rectangle of the image showing data range {@code [x0, x1] x [y0, y1]}. */
    final class Panel {
        private final int left;
        private final int top;
        private final int width;
        private final int height;
        private final double x0;
        private final double x1;
        private final double y0;
        private final double y1;

        Panel(int left, int top, int width, int height, double[] xr, double[] yr) {
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
            this.x0 = xr[0];
            this.x1 = xr[1] > xr[0] ? xr[1] : xr[0] + 1;
            this.y0 = yr[0];
            this.y1 = yr[1] > yr[0] ? yr[1] : yr[0] + 1;
        }

        double px(double x) {
            return left + (x - x0) / (x1 - x0) * width;
        }

        double py(double y) {
            return top + height - (y - y0) / (y1 - y0) * height;
        }

        void axes(String title, String xLabel) {
            g.setStroke(new BasicStroke(1f));
            for (double t : ticks(x0, x1)) {
                g.setColor(GRID);
                g.drawLine((int) px(t), top, (int) px(t), top + height);
                g.setColor(INK);
                text(format(t), (int) px(t) - 10, top + height + 16, 11);
            }
            for (double t : ticks(y0, y1)) {
                g.setColor(GRID);
                g.drawLine(left, (int) py(t), left + width, (int) py(t));
                g.setColor(INK);
                text(format(t), left - 42, (int) py(t) + 4, 11);
            }
            g.setColor(INK);
            g.drawRect(left, top, width, height);
            text(title, left, top - 10, 14);
            text(xLabel, left + width / 2 - 10, top + height + 34, 12);
        }

        void band(double[] x, double[] lo, double[] hi, Color c) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(px(x[0]), py(clampY(hi[0])));
            for (int i = 1; i < x.length; i++) {
                p.lineTo(px(x[i]), py(clampY(hi[i])));
            }
            for (int i = x.length - 1; i >= 0; i--) {
                p.lineTo(px(x[i]), py(clampY(lo[i])));
            }
            p.closePath();
            g.setColor(c);
            g.fill(p);
        }

        void line(double[] x, double[] y, Color c, float width) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(px(x[0]), py(clampY(y[0])));
            for (int i = 1; i < x.length; i++) {
                p.lineTo(px(x[i]), py(clampY(y[i])));
            }
            g.setColor(c);
            g.setStroke(new BasicStroke(width));
            g.draw(p);
            g.setStroke(new BasicStroke(1f));
        }

        void points(double[] x, double[] y, Color c, int r) {
            g.setColor(c);
            for (int i = 0; i < x.length; i++) {
                if (y[i] >= y0 && y[i] <= y1) {
                    g.fillOval((int) px(x[i]) - r, (int) py(y[i]) - r, 2 * r, 2 * r);
                }
            }
        }

        void rect(double xa, double xb, double ya, double yb, Color c) {
            int a = (int) Math.round(px(xa));
            int b = (int) Math.round(px(xb));
            int top2 = (int) Math.round(py(yb));
            int bottom = (int) Math.round(py(ya));
            g.setColor(c);
            g.fillRect(a, top2, Math.max(1, b - a), Math.max(0, bottom - top2));
        }

        void legend(String[] labels, Color[] colors) {
            int x = left + 10;
            int y = top + 16;
            g.setColor(new Color(255, 255, 255, 200));
            g.fillRect(x - 4, y - 13, 130, 16 * labels.length + 4);
            for (int i = 0; i < labels.length; i++) {
                g.setColor(colors[i]);
                g.fillRect(x, y - 9, 14, 10);
                g.setColor(INK);
                text(labels[i], x + 20, y, 11);
                y += 16;
            }
        }

        private double clampY(double v) {
            double pad = 0.05 * (y1 - y0);
            return Math.max(y0 - pad, Math.min(y1 + pad, v));
        }
    }

    Panel panel(int left, int top, int width, int height, double[] xr, double[] yr) {
        return new Panel(left, top, width, height, xr, yr);
    }

    void text(String s, int x, int y, int size) {
        if (size <= 0 || s == null || s.isEmpty()) {
            return;
        }
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            g.setColor(INK);
            g.drawString(s, x, y);
        } catch (RuntimeException | Error e) {
            // No usable font in this environment: draw the figure without text.
        }
    }

    void write(Path file) throws IOException {
        g.dispose();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
    }

    static double[] range(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        double pad = 0.05 * Math.max(hi - lo, 1e-9);
        return new double[] {lo - pad, hi + pad};
    }

    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
        if (span / step > 10) {
            step *= 2;
        }
        if (span / step > 10) {
            step *= 2.5;
        }
        double start = Math.ceil(lo / step) * step;
        int count = (int) Math.floor((hi - start) / step) + 1;
        double[] t = new double[Math.max(0, Math.min(count, 20))];
        for (int i = 0; i < t.length; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    static String format(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 100 || a < 0.01
                ? String.format(Locale.ROOT, "%.2g", v)
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
