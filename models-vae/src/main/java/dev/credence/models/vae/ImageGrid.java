package dev.credence.models.vae;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tiles equally sized gray images into one picture, row by row, with a gray gutter between tiles,
 * and writes it as a PNG.
 */
final class ImageGrid {
    /** The gutter between tiles, in pixels. */
    static final int GUTTER = 2;

    private static final byte GUTTER_LEVEL = (byte) 128;

    private ImageGrid() {}

    /**
     * Writes a grid.
     *
     * @param file the PNG to write
     * @param images {@code count} images of {@code height * width} values in [0, 1], row-major, one
     *     after the other (values outside are clamped)
     * @param height the height of one image
     * @param width the width of one image
     * @param columns tiles per row; rows follow from the count
     * @throws IOException if writing fails
     */
    static void write(Path file, float[] images, int height, int width, int columns)
            throws IOException {
        int size = height * width;
        if (size < 1 || images.length % size != 0 || images.length == 0 || columns < 1) {
            throw new IllegalArgumentException(
                    "image grid: "
                            + images.length
                            + " values are not a whole number of "
                            + height
                            + " x "
                            + width
                            + " images");
        }
        int count = images.length / size;
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        int w = cols * width + (cols + 1) * GUTTER;
        int h = rows * height + (rows + 1) * GUTTER;
        byte[] out = new byte[w * h];
        java.util.Arrays.fill(out, GUTTER_LEVEL);
        for (int t = 0; t < count; t++) {
            int top = GUTTER + (t / cols) * (height + GUTTER);
            int left = GUTTER + (t % cols) * (width + GUTTER);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[(top + y) * w + left + x] = level(images[t * size + y * width + x]);
                }
            }
        }
        Png.writeGray(file, w, h, out);
    }

    /** Maps [0, 1] to 0..255, clamping, with NaN as black. */
    static byte level(float v) {
        if (!(v > 0)) {
            return 0;
        }
        return (byte) Math.round(Math.min(1f, v) * 255);
    }
}
