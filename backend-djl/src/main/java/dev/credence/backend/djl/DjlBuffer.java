package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.lang.ref.Cleaner;

/**
 * One DJL {@link NDArray} seen as a Credence buffer.
 *
 * <p>The array is closed exactly once: by {@link #release()} when the API releases the buffer (a
 * {@link dev.credence.api.tensor.TensorScope} closing, or {@code Tensor.release()}), or by a shared
 * {@link Cleaner} if the buffer becomes unreachable first. The cleaning action holds the array, not
 * the buffer, so it never keeps the buffer alive. Because the cleaner may run as soon as a buffer
 * is unreachable, every backend method keeps its argument buffers reachable until its native call
 * returns (see {@link DjlBackend}).
 */
final class DjlBuffer implements Buffer {

    private static final Cleaner CLEANER = Cleaner.create();

    final NDArray array;

    /**
     * Whether the array is known to be dense and row-major, as arrays this backend allocates are:
     * its memory can then be read in place. Results of libtorch's operations may be strided views.
     */
    final boolean dense;

    private final Shape shape;
    private final DType dtype;
    private final Cleaner.Cleanable cleanable;

    private DjlBuffer(NDArray array, Shape shape, DType dtype, LiveCount live, boolean dense) {
        this.array = array;
        this.dense = dense;
        this.shape = shape;
        this.dtype = dtype;
        live.increment();
        this.cleanable = CLEANER.register(this, new Closer(array, live));
    }

    /**
     * Wraps a freshly created array; the buffer now owns it.
     *
     * @param array the array, whose shape is {@code shape} and whose type stores {@code dtype}
     * @param shape its Credence shape
     * @param dtype its Credence dtype
     * @param live the owning backend's count of live buffers
     * @param dense whether the array is known to be dense and row-major
     * @return the buffer
     */
    static DjlBuffer own(NDArray array, Shape shape, DType dtype, LiveCount live, boolean dense) {
        return new DjlBuffer(array, shape, dtype, live, dense);
    }

    /** Closes the array now; later calls do nothing. */
    void release() {
        cleanable.clean();
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
        return "DjlBuffer" + shape + " " + dtype;
    }

    /** The cleaning action: closes the array and counts it as gone. Holds no buffer. */
    private record Closer(NDArray array, LiveCount live) implements Runnable {
        @Override
        public void run() {
            array.close();
            live.decrement();
        }
    }
}
