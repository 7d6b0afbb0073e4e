package dev.credence.api.model;

import dev.credence.api.backend.Backend;
import dev.credence.api.tensor.Tensor;

/**
 * An open plate: a block of a model whose statements are conditionally independent along one batch
 * axis, opened by {@link ModelContext#plate} and closed by try-with-resources.
 *
 * <p>Inside the block every random site gets this plate's frame, its distribution is broadcast to
 * the subsample size along the plate's axis, and its log-probability is multiplied by {@code N /
 * B}. With subsampling, select the minibatch of the data with {@link #subsample(Tensor, int)}:
 *
 * <pre>{@code
 * try (Plate batch = ctx.plate("data", n, 128)) {
 *     Tensor x = batch.subsample(images, 0);
 *     ctx.observe("x", likelihood(x), x);
 * }
 * }</pre>
 *
 * The subsample is drawn once per run from the seed handler's key (and can be replayed from another
 * trace, so that a guide and its model see the same minibatch); entering a plate of the same name
 * again in one run reuses it.
 */
public final class Plate implements AutoCloseable {
    private final ModelContext ctx;
    private final PlateFrame frame;
    private final PlateEffect effect;
    private boolean closed;

    Plate(ModelContext ctx, PlateFrame frame) {
        this.ctx = ctx;
        this.frame = frame;
        this.effect = new PlateEffect(frame);
    }

    PlateEffect effect() {
        return effect;
    }

    /**
     * Returns the plate's name.
     *
     * @return the name
     */
    public String name() {
        return frame.name();
    }

    /**
     * Returns the full size N.
     *
     * @return N
     */
    public int size() {
        return frame.size();
    }

    /**
     * Returns the subsample size B.
     *
     * @return B
     */
    public int subsampleSize() {
        return frame.subsampleSize();
    }

    /**
     * Returns the batch axis of the plate.
     *
     * @return the dim, negative
     */
    public int dim() {
        return frame.dim();
    }

    /**
     * Returns the frame recorded on the sites inside.
     *
     * @return the frame
     */
    public PlateFrame frame() {
        return frame;
    }

    /**
     * Returns the indices of the repetitions used in this run.
     *
     * @return B indices in {@code [0, N)}; all of {@code 0..N-1} without subsampling
     */
    public int[] indices() {
        int[] idx = frame.indices();
        if (idx != null) {
            return idx;
        }
        int[] all = new int[frame.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * Returns the indices as an INT32 tensor.
     *
     * @param b the backend
     * @return a vector of B indices
     */
    public Tensor indices(Backend b) {
        int[] idx = indices();
        return Tensor.ofInts(b, idx, idx.length);
    }

    /**
     * Selects this run's subsample of data along an axis.
     *
     * @param data the full data, with N entries along {@code axis}
     * @param axis the axis that the plate indexes
     * @return the data itself without subsampling, else its B selected entries
     */
    public Tensor subsample(Tensor data, int axis) {
        if (data.dim(axis) != frame.size()) {
            throw new IllegalArgumentException(
                    "plate '"
                            + frame.name()
                            + "': data has "
                            + data.dim(axis)
                            + " entries along axis "
                            + axis
                            + ", the plate has size "
                            + frame.size());
        }
        int[] idx = frame.indices();
        if (idx == null) {
            return data;
        }
        return data.gather(axis, Tensor.ofInts(data.backend(), idx, idx.length));
    }

    /** Leaves the plate. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            ctx.closePlate(this);
        }
    }

    @Override
    public String toString() {
        return "Plate[" + frame.name() + ", " + frame.subsampleSize() + "/" + frame.size() + "]";
    }
}
