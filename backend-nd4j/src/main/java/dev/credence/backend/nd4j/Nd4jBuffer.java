package dev.credence.backend.nd4j;

import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ND4J array holding one tensor's elements in row-major ('c') order.
 *
 * <p>The native storage belongs to a reference-counted {@link Storage}: a buffer made by {@link
 * Nd4jBackend#reshape} is a view that shares its source's storage, so releasing either one leaves
 * the other intact and the memory goes back to the {@link ArrayPool} when the last of them is
 * released. A buffer is never written after the kernel that produced it returns. Buffers with no
 * elements hold an ND4J empty array and no storage.
 */
final class Nd4jBuffer implements Buffer {
    final INDArray array;
    final Shape shape;
    final DType dtype;
    private final Storage storage;
    private final AtomicBoolean released = new AtomicBoolean();

    private Nd4jBuffer(INDArray array, Shape shape, DType dtype, Storage storage) {
        this.array = array;
        this.shape = shape;
        this.dtype = dtype;
        this.storage = storage;
    }

    /** Wraps an array that the caller owns from now on through a new storage. */
    static Nd4jBuffer owning(INDArray array, Shape shape, DType dtype, ArrayPool pool) {
        Storage s = array.isEmpty() ? null : new Storage(array, shape, dtype, pool);
        return new Nd4jBuffer(array, shape, dtype, s);
    }

    /** A view of this buffer's storage under another shape, sharing (and retaining) the storage. */
    Nd4jBuffer view(INDArray viewArray, Shape viewShape) {
        if (storage != null) {
            storage.retain();
        }
        return new Nd4jBuffer(viewArray, viewShape, dtype, storage);
    }

    /** The number of elements. */
    int size() {
        return shape.size();
    }

    /** Drops this buffer's claim on its storage; a second call does nothing. */
    void release() {
        if (released.compareAndSet(false, true) && storage != null) {
            storage.release();
        }
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public String toString() {
        return "Nd4jBuffer" + shape + " " + dtype + (released.get() ? " <released>" : "");
    }
}
