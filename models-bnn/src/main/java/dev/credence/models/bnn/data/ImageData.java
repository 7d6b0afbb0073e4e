package dev.credence.models.bnn.data;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.Minibatches;
import dev.credence.io.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Labelled images as a network sees them: rows of pixels {@code [N, H W]} in {@code [0, 1]} and
 * class labels, from a named set of {@link Datasets} ({@code fashion-mnist}, {@code mnist}).
 *
 * <pre>{@code
 * ImageData train = ImageData.load(Datasets.builder().build(), "fashion-mnist", Split.TRAIN,
 *         null, 10_000, RandomKey.of(1), backend, DType.FLOAT32);
 * BnnModel m = BnnModel.of(new ConvNet(1, 28, 28, new int[] {16, 32}, new int[] {64}, 10),
 *         Likelihood.categorical(10), WeightPrior.normal(1), train.x(), train.y());
 * }</pre>
 *
 * @param x the pixels {@code [N, H W]}
 * @param y the labels as a tensor {@code [N]} of the pixels' dtype
 * @param labels the labels
 * @param height the image height
 * @param width the image width
 */
public record ImageData(Tensor x, Tensor y, int[] labels, int height, int width) {

    /**
     * Copies the labels.
     *
     * @param x the pixels
     * @param y the labels as a tensor
     * @param labels the labels
     * @param height the image height
     * @param width the image width
     */
    public ImageData {
        labels = labels.clone();
    }

    /** {@return the labels (a copy)} */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** {@return the number of images} */
    public int size() {
        return labels.length;
    }

    /**
     * Loads a split, all of it or a random subset.
     *
     * @param sets the registry of named sets
     * @param name the set's name
     * @param split the split
     * @param folder a folder to look in first, or null
     * @param limit at most this many images (0: all); a subset is drawn without replacement
     * @param key the key of the subset (unused when all images are kept)
     * @param b the backend
     * @param dtype the pixels' dtype
     * @return the images
     * @throws IOException if the set cannot be read
     */
    public static ImageData load(
            Datasets sets,
            String name,
            Split split,
            Path folder,
            int limit,
            RandomKey key,
            Backend b,
            DType dtype)
            throws IOException {
        Dataset d = folder == null ? sets.load(name, split) : sets.load(name, split, folder);
        if (limit > 0 && limit < d.size()) {
            int[] rows = Arrays.copyOf(Minibatches.permutation(key, d.size()), limit);
            Arrays.sort(rows);
            d = d.subset(rows);
        }
        return of(d, b, dtype);
    }

    /**
     * Two disjoint random subsets of one split: a training set and a validation set carved from the
     * same images (for choosing settings without looking at the test split).
     *
     * <pre>{@code
     * ImageData[] tv = ImageData.disjoint(sets, "fashion-mnist", Split.TRAIN, null, 10000, 2000,
     *         RandomKey.of(1), backend, DType.FLOAT32);   // tv[0] trains, tv[1] validates
     * }</pre>
     *
     * @param sets the registry of named sets
     * @param name the set's name
     * @param split the split
     * @param folder a folder to look in first, or null
     * @param first the size of the first subset, at least 1
     * @param second the size of the second subset, at least 1; together at most the split's size
     * @param key the key of the subsets
     * @param b the backend
     * @param dtype the pixels' dtype
     * @return the two subsets
     * @throws IOException if the set cannot be read
     */
    public static ImageData[] disjoint(
            Datasets sets,
            String name,
            Split split,
            Path folder,
            int first,
            int second,
            RandomKey key,
            Backend b,
            DType dtype)
            throws IOException {
        Dataset d = folder == null ? sets.load(name, split) : sets.load(name, split, folder);
        if (first < 1 || second < 1 || (long) first + second > d.size()) {
            throw new IllegalArgumentException(
                    "ImageData: two disjoint subsets of "
                            + first
                            + " and "
                            + second
                            + " images need both sizes >= 1 and at most "
                            + d.size()
                            + " images together ("
                            + name
                            + " "
                            + split
                            + ")");
        }
        int[] perm = Minibatches.permutation(key, d.size());
        int[] a = Arrays.copyOfRange(perm, 0, first);
        int[] v = Arrays.copyOfRange(perm, first, first + second);
        Arrays.sort(a);
        Arrays.sort(v);
        return new ImageData[] {of(d.subset(a), b, dtype), of(d.subset(v), b, dtype)};
    }

    private static ImageData of(Dataset d, Backend b, DType dtype) {
        int[] dims = d.features().shape().dims();
        int n = dims[0];
        int pixels = d.features().size() / Math.max(1, n);
        Tensor x = d.features().toTensor(b, dtype).reshape(n, pixels);
        int[] labels = d.targets().orElseThrow().toIntArray();
        double[] yd = new double[n];
        for (int i = 0; i < n; i++) {
            yd[i] = labels[i];
        }
        int h = dims.length == 3 ? dims[1] : 1;
        int w = dims.length == 3 ? dims[2] : pixels;
        return new ImageData(x, Tensor.of(b, yd, dtype, n), labels, h, w);
    }
}
