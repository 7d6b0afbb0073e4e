package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One native allocation and the number of buffers that use it. The allocation goes back to the pool
 * (or is freed) when the count drops to zero.
 */
final class Storage {
    private final INDArray base;
    private final Shape shape;
    private final DType dtype;
    private final ArrayPool pool;
    private final AtomicInteger refs = new AtomicInteger(1);

    Storage(INDArray base, Shape shape, DType dtype, ArrayPool pool) {
        this.base = base;
        this.shape = shape;
        this.dtype = dtype;
        this.pool = pool;
    }

    void retain() {
        refs.incrementAndGet();
    }

    void release() {
        if (refs.decrementAndGet() == 0) {
            pool.recycle(base, dtype, shape);
        }
    }
}
