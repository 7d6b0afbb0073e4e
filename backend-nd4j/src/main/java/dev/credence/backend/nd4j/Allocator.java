package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hands kernels their output buffers and temporaries, drawing native arrays from the {@link
 * ArrayPool} and giving temporaries back to it as soon as a kernel is done with them.
 */
final class Allocator {
    private final ArrayPool pool;

    Allocator(ArrayPool pool) {
        this.pool = pool;
    }

    /** A new buffer with undefined contents, which the caller fills completely. */
    Nd4jBuffer allocate(DType dtype, Shape shape) {
        return Nd4jBuffer.owning(pool.take(dtype, shape), shape, dtype, pool);
    }

    /** A scratch array for use inside one kernel; give it back with {@link #free}. */
    INDArray temp(DType dtype, Shape shape) {
        return pool.take(dtype, shape);
    }

    /** Gives back a scratch array from {@link #temp}. */
    void free(INDArray temp, DType dtype, Shape shape) {
        if (!temp.isEmpty()) {
            pool.recycle(temp, dtype, shape);
        }
    }

    ArrayPool pool() {
        return pool;
    }
}
