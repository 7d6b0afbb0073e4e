package dev.credence.io.data;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.HostArray;
import dev.credence.io.Sha256;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows of features, with optional targets, held in host memory.
 *
 * <p>The first axis of both arrays counts rows: features of shape {@code [n, ...]} (for example
 * {@code [60000, 28, 28]} images or {@code [308, 6]} table columns) and targets of shape {@code [n,
 * ...]} (class labels, INT32, or regression values). A data set is immutable; {@link
 * #subset(int[])} and {@link #batches} make new ones.
 *
 * <p>Minibatches are shuffled by a {@link RandomKey} and so are reproducible: the same key gives
 * the same batches in the same order. Give each epoch its own key with {@link #epoch}:
 *
 * <pre>{@code
 * RandomKey key = RandomKey.of(4711);
 * for (int e = 0; e < epochs; e++) {
 *     for (Dataset mb : train.epoch(key, e, 128, true)) {   // uses key.fold(e)
 *         Batch b = mb.toTensors(backend, DType.FLOAT32);
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class Dataset {
    private final HostArray features;
    private final HostArray targets;

    private Dataset(HostArray features, HostArray targets) {
        if (features.shape().rank() == 0) {
            throw new IllegalArgumentException(
                    "data set: features need a first axis of rows, found a scalar");
        }
        if (targets != null
                && (targets.shape().rank() == 0
                        || targets.shape().dim(0) != features.shape().dim(0))) {
            throw new IllegalArgumentException(
                    "data set: features "
                            + features.shape()
                            + " and targets "
                            + targets.shape()
                            + " must have the same number of rows (first dimension)");
        }
        this.features = features;
        this.targets = targets;
    }

    /**
     * Creates an unsupervised data set.
     *
     * @param features an array of shape {@code [n, ...]}
     * @return the data set
     */
    public static Dataset of(HostArray features) {
        return new Dataset(features, null);
    }

    /**
     * Creates a supervised data set.
     *
     * @param features an array of shape {@code [n, ...]}
     * @param targets an array of shape {@code [n, ...]}
     * @return the data set
     * @throws IllegalArgumentException if the row counts differ
     */
    public static Dataset of(HostArray features, HostArray targets) {
        return new Dataset(features, Objects.requireNonNull(targets, "targets"));
    }

    /**
     * Returns the number of rows.
     *
     * @return the size of the first axis
     */
    public int size() {
        return features.shape().dim(0);
    }

    /**
     * Returns the features.
     *
     * @return an array of shape {@code [size(), ...]}
     */
    public HostArray features() {
        return features;
    }

    /**
     * Returns the targets, if any.
     *
     * @return the targets, of shape {@code [size(), ...]}
     */
    public Optional<HostArray> targets() {
        return Optional.ofNullable(targets);
    }

    /**
     * Selects rows, in the given order; rows may repeat.
     *
     * @param rows indices in {@code [0, size())}
     * @return a new data set of {@code rows.length} rows
     */
    public Dataset subset(int[] rows) {
        return new Dataset(features.rows(rows), targets == null ? null : targets.rows(rows));
    }

    /**
     * Copies the data set onto a backend. Floating arrays are converted to {@code dtype}; INT32
     * arrays (class labels) stay INT32.
     *
     * @param b the backend
     * @param dtype FLOAT32 or FLOAT64, for the floating arrays
     * @return the tensors
     */
    public Batch toTensors(Backend b, DType dtype) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(
                    "toTensors: dtype must be FLOAT32 or FLOAT64, found " + dtype);
        }
        return new Batch(
                convert(features, b, dtype), targets == null ? null : convert(targets, b, dtype));
    }

    private static Tensor convert(HostArray a, Backend b, DType dtype) {
        return a.dtype() == DType.INT32 ? a.toTensor(b) : a.toTensor(b, dtype);
    }

    /**
     * Returns shuffled minibatches, made one at a time as the iteration reaches them.
     *
     * @param key the key that fixes the order
     * @param batchSize the rows per batch
     * @param dropLast whether to drop a last batch smaller than {@code batchSize}
     * @return the batches; iterating again gives the same batches
     */
    public Iterable<Dataset> batches(RandomKey key, int batchSize, boolean dropLast) {
        int[][] idx = Minibatches.indices(key, size(), batchSize, dropLast);
        return () ->
                new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < idx.length;
                    }

                    @Override
                    public Dataset next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException(
                                    "all " + idx.length + " batches were read");
                        }
                        return subset(idx[next++]);
                    }
                };
    }

    /**
     * Returns the shuffled minibatches of one epoch: {@code batches(key.fold(epoch), ...)}.
     *
     * @param key the run's data key, the same for every epoch
     * @param epoch the epoch number
     * @param batchSize the rows per batch
     * @param dropLast whether to drop a last batch smaller than {@code batchSize}
     * @return the batches
     */
    public Iterable<Dataset> epoch(RandomKey key, int epoch, int batchSize, boolean dropLast) {
        return batches(key.fold(epoch), batchSize, dropLast);
    }

    /**
     * Returns the SHA-256 of the arrays (see {@link Sha256#ofArrays(List)}), for a {@link
     * dev.credence.io.RunRecord}'s data hash.
     *
     * @return 64 lowercase hex digits
     */
    public String sha256() {
        List<HostArray> arrays = new ArrayList<>(List.of(features));
        if (targets != null) {
            arrays.add(targets);
        }
        return Sha256.ofArrays(arrays);
    }

    @Override
    public String toString() {
        return "Dataset[features "
                + features.dtype()
                + features.shape()
                + (targets == null ? "" : ", targets " + targets.dtype() + targets.shape())
                + "]";
    }
}
