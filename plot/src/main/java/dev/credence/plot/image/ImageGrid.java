package dev.credence.plot.image;

import dev.credence.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Tiles equally sized gray images (a VAE's reconstructions, prior samples or latent traversal) into
 * one picture, row by row, with a mid-gray gutter between tiles, and writes it as a PNG through the
 * JDK's ImageIO.
 *
 * <pre>{@code
 * ImageGrid.write(dir.resolve("samples.png"), pixels, 28, 28, 8);   // 8 tiles per row
 * }</pre>
 */
public final class ImageGrid {
    /** The gutter between tiles, in pixels. */
    public static final int GUTTER = 2;

    private static final byte GUTTER_LEVEL = (byte) 128;

    private ImageGrid() {}

    /**
     * Writes a grid, atomically.
     *
     * @param file the PNG to write (its folder is created if needed)
     * @param images {@code count} images of {@code height * width} values in [0, 1], row-major, one
     *     after the other (values outside are clamped, NaN is black)
     * @param height the height of one image
     * @param width the width of one image
     * @param columns tiles per row; rows follow from the count
     * @throws IOException if writing fails
     */
    public static void write(Path file, float[] images, int height, int width, int columns)
            throws IOException {
        BufferedImage img = image(images, height, width, columns);
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(
                file,
                out -> {
                    if (!ImageIO.write(img, "png", out)) {
                        throw new IOException("no PNG writer in this Java runtime");
                    }
                });
    }

    /**
     * Tiles the images into one gray picture.
     *
     * @param images the images, as for {@link #write}
     * @param height the height of one image
     * @param width the width of one image
     * @param columns tiles per row
     * @return the picture
     */
    public static BufferedImage image(float[] images, int height, int width, int columns) {
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
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Arrays.fill(out, GUTTER_LEVEL);
        for (int t = 0; t < count; t++) {
            int top = GUTTER + (t / cols) * (height + GUTTER);
            int left = GUTTER + (t % cols) * (width + GUTTER);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[(top + y) * w + left + x] = level(images[t * size + y * width + x]);
                }
            }
        }
        return img;
    }

    /** Maps [0, 1] to 0..255, clamping, with NaN as black. */
    static byte level(float v) {
        if (!(v > 0)) {
            return 0;
        }
        return (byte) Math.round(Math.min(1f, v) * 255);
    }
}
