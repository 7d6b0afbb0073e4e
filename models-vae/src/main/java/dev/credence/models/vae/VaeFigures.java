package dev.credence.models.vae;

import dev.credence.api.infer.diagnostics.NormalQuantile;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.plot.image.ImageGrid;
import dev.credence.plot.image.LatentFigure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures of a fitted VAE, as PNG files of tiled gray images:
 *
 * <ul>
 *   <li>{@value #RECONSTRUCTIONS}: test images (odd rows) above their reconstructions through the
 *       code's mean (even rows);
 *   <li>{@value #SAMPLES}: mean images decoded from draws of the prior {@code z ~ Normal(0, I)};
 *   <li>{@value #TRAVERSAL}: a latent traversal; row {@code d} decodes the code of one test image
 *       with coordinate {@code d} swept over {@code [-3, 3]}, the others held;
 *   <li>for a 2-d latent, {@value #LATENT_MAP}: the decoded images over a grid of the latent plane
 *       at the prior's quantiles (the learnt manifold, as in Kingma and Welling's figure 4), and
 *       {@value #LATENT_SCATTER}: the code means of test images, one colour per class.
 * </ul>
 */
public final class VaeFigures {
    /** The latent scatter's axes run from minus to plus this. */
    static final double LATENT_EXTENT = 4;

    /** The reconstructions file. */
    public static final String RECONSTRUCTIONS = "reconstructions.png";

    /** The prior samples file. */
    public static final String SAMPLES = "samples.png";

    /** The latent traversal file. */
    public static final String TRAVERSAL = "traversal.png";

    /** The latent manifold file (2-d latent only). */
    public static final String LATENT_MAP = "latent-map.png";

    /** The scatter of codes (2-d latent only). */
    public static final String LATENT_SCATTER = "latent-scatter.png";

    private static final int COLUMNS = 8;
    private static final double RANGE = 3;

    private final FittedVae vae;
    private final int height;
    private final int width;

    /**
     * Prepares figures of images of a given size.
     *
     * @param vae the fitted VAE
     * @param height the image height
     * @param width the image width
     */
    public VaeFigures(FittedVae vae, int height, int width) {
        if (height * width != vae.vae().pixels()) {
            throw new IllegalArgumentException(
                    "figures: "
                            + height
                            + " x "
                            + width
                            + " images do not have the model's "
                            + vae.vae().pixels()
                            + " pixels");
        }
        this.vae = vae;
        this.height = height;
        this.width = width;
    }

    /**
     * Writes every figure that applies into a folder.
     *
     * @param dir the folder (it must exist)
     * @param test test images, {@code [N, pixels]}, N at least 1
     * @param labels their classes (for the scatter), or null
     * @param key the key of the random draws
     * @return the files written
     * @throws IOException if writing fails
     */
    public List<Path> writeAll(Path dir, Tensor test, int[] labels, RandomKey key)
            throws IOException {
        List<Path> out = new ArrayList<>();
        int n = Math.min(test.dim(0), 4 * COLUMNS);
        out.add(reconstructions(dir.resolve(RECONSTRUCTIONS), test.narrow(0, 0, n)));
        out.add(samples(dir.resolve(SAMPLES), key, COLUMNS * COLUMNS));
        out.add(traversal(dir.resolve(TRAVERSAL), test.narrow(0, 0, 1), 11));
        if (vae.vae().config().latent() == 2) {
            out.add(latentMap(dir.resolve(LATENT_MAP), 20));
            int m = Math.min(test.dim(0), 5000);
            int[] l = labels == null ? new int[m] : java.util.Arrays.copyOf(labels, m);
            out.add(latentScatter(dir.resolve(LATENT_SCATTER), test.narrow(0, 0, m), l));
        }
        return out;
    }

    /**
     * Writes images above their reconstructions, {@value #COLUMNS} per row.
     *
     * @param file the PNG
     * @param x the images, {@code [n, pixels]}
     * @return the file
     * @throws IOException if writing fails
     */
    public Path reconstructions(Path file, Tensor x) throws IOException {
        float[] orig = x.cast(dev.credence.api.backend.DType.FLOAT32).toFloatArray();
        float[] rec = floats(vae.reconstruct(x));
        int n = x.dim(0);
        int size = height * width;
        int rows = (n + COLUMNS - 1) / COLUMNS;
        float[] tiles = new float[2 * rows * COLUMNS * size];
        java.util.Arrays.fill(tiles, 0.5f);
        for (int i = 0; i < n; i++) {
            int r = i / COLUMNS;
            int c = i % COLUMNS;
            System.arraycopy(orig, i * size, tiles, ((2 * r) * COLUMNS + c) * size, size);
            System.arraycopy(rec, i * size, tiles, ((2 * r + 1) * COLUMNS + c) * size, size);
        }
        ImageGrid.write(file, tiles, height, width, COLUMNS);
        return file;
    }

    /**
     * Writes images decoded from prior draws.
     *
     * @param file the PNG
     * @param key the key of the draws
     * @param n how many
     * @return the file
     * @throws IOException if writing fails
     */
    public Path samples(Path file, RandomKey key, int n) throws IOException {
        ImageGrid.write(file, floats(vae.sample(key, n)), height, width, COLUMNS);
        return file;
    }

    /**
     * Writes a latent traversal around the code of one image: one row per latent coordinate (at
     * most ten), {@code steps} values of it across {@code [-3, 3]}.
     *
     * @param file the PNG
     * @param x one image, {@code [1, pixels]}
     * @param steps the values per row
     * @return the file
     * @throws IOException if writing fails
     */
    public Path traversal(Path file, Tensor x, int steps) throws IOException {
        int latent = vae.vae().config().latent();
        double[] base = vae.encode(x).toDoubleArray();
        int dims = Math.min(latent, 10);
        double[] z = new double[dims * steps * latent];
        for (int d = 0; d < dims; d++) {
            for (int j = 0; j < steps; j++) {
                int row = (d * steps + j) * latent;
                System.arraycopy(base, 0, z, row, latent);
                z[row + d] = -RANGE + 2 * RANGE * j / Math.max(1, steps - 1);
            }
        }
        Tensor codes = Tensor.of(x.backend(), z, x.dtype(), dims * steps, latent);
        ImageGrid.write(file, floats(vae.decode(codes)), height, width, steps);
        return file;
    }

    /**
     * Writes the decoded images over a {@code steps x steps} grid of a 2-d latent plane, at the
     * prior's quantiles {@code (i + 1/2) / steps} (first coordinate left to right, second bottom to
     * top).
     *
     * @param file the PNG
     * @param steps the grid size
     * @return the file
     * @throws IOException if writing fails
     */
    public Path latentMap(Path file, int steps) throws IOException {
        requireTwoD();
        double[] z = new double[steps * steps * 2];
        for (int r = 0; r < steps; r++) {
            for (int c = 0; c < steps; c++) {
                int i = (r * steps + c) * 2;
                z[i] = NormalQuantile.of((c + 0.5) / steps);
                z[i + 1] = NormalQuantile.of((steps - r - 0.5) / steps);
            }
        }
        Tensor any = vae.params().values().iterator().next();
        Tensor codes = Tensor.of(any.backend(), z, any.dtype(), steps * steps, 2);
        ImageGrid.write(file, floats(vae.decode(codes)), height, width, steps);
        return file;
    }

    /**
     * Writes the code means of images as coloured dots on the latent plane ({@code [-4, 4]} on both
     * axes), one colour per label.
     *
     * @param file the PNG
     * @param x the images, {@code [n, pixels]}
     * @param labels their labels, n of them
     * @return the file
     * @throws IOException if writing fails
     */
    public Path latentScatter(Path file, Tensor x, int[] labels) throws IOException {
        requireTwoD();
        double[] codes = vae.encode(x).toDoubleArray();
        LatentFigure.of(codes, labels, LATENT_EXTENT).writePng(file);
        return file;
    }

    private void requireTwoD() {
        int latent = vae.vae().config().latent();
        if (latent != 2) {
            throw new IllegalStateException(
                    "the latent map needs a 2-d latent space, this VAE has " + latent);
        }
    }

    private static float[] floats(Tensor t) {
        return t.cast(dev.credence.api.backend.DType.FLOAT32).toFloatArray();
    }
}
