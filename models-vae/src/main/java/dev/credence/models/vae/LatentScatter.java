package dev.credence.models.vae;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Draws 2-d points coloured by class as an RGB PNG. */
final class LatentScatter {
    static final int SIZE = 480;
    static final double EXTENT = 4;

    /** Ten distinguishable colours (the "tab10" palette), 0xRRGGBB. */
    private static final int[] PALETTE = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
        0x17becf
    };

    private LatentScatter() {}

    /**
     * Writes the plot.
     *
     * @param file the PNG
     * @param xy points, {@code x0, y0, x1, y1, ...}
     * @param labels one class per point (any integer; colours repeat after ten)
     * @throws IOException if writing fails
     */
    static void write(Path file, double[] xy, int[] labels) throws IOException {
        if (xy.length != 2 * labels.length) {
            throw new IllegalArgumentException(
                    "scatter: " + xy.length / 2 + " points but " + labels.length + " labels");
        }
        byte[] rgb = new byte[SIZE * SIZE * 3];
        Arrays.fill(rgb, (byte) 255);
        int mid = pixel(0);
        for (int i = 0; i < SIZE; i++) {
            put(rgb, mid, i, 0xdddddd);
            put(rgb, i, mid, 0xdddddd);
        }
        for (int p = 0; p < labels.length; p++) {
            int colour = PALETTE[Math.floorMod(labels[p], PALETTE.length)];
            int cx = pixel(xy[2 * p]);
            int cy = SIZE - 1 - pixel(xy[2 * p + 1]);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    put(rgb, cx + dx, cy + dy, colour);
                }
            }
        }
        Png.writeRgb(file, SIZE, SIZE, rgb);
    }

    private static int pixel(double v) {
        if (!Double.isFinite(v)) {
            return -10;
        }
        return (int) Math.floor((v + EXTENT) / (2 * EXTENT) * SIZE);
    }

    private static void put(byte[] rgb, int x, int y, int colour) {
        if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) {
            return;
        }
        int i = (y * SIZE + x) * 3;
        rgb[i] = (byte) (colour >>> 16);
        rgb[i + 1] = (byte) (colour >>> 8);
        rgb[i + 2] = (byte) colour;
    }
}
