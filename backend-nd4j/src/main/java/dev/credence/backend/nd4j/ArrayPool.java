package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recycles the native arrays of released buffers as the outputs of later kernels.
 *
 * <p>Allocating an ND4J array costs several microseconds (a native allocation, a deallocator
 * registration and a shape descriptor), more than a small kernel itself. Training loops release the
 * same shapes they allocate again at the next step, so a released array is kept, keyed by dtype and
 * shape, and handed out as the output of the next kernel that needs that exact array. The pool is
 * bounded: at most {@code maxBytes} in all, arrays of at most {@code maxArrayBytes} each, and
 * {@value #PER_SHAPE} per shape; anything beyond is freed at once with {@link INDArray#close()}.
 * Thread-safe.
 */
final class ArrayPool {
    /** Arrays kept per dtype and shape. */
    static final int PER_SHAPE = 32;

    /** Distinct dtype-and-shape keys kept; beyond, released arrays are freed, not pooled. */
    static final int MAX_KEYS = 4096;

    private record Key(DType dtype, Shape shape) {}

    private final long maxBytes;
    private final long maxArrayBytes;
    private final ConcurrentHashMap<Key, ArrayBlockingQueue<INDArray>> free =
            new ConcurrentHashMap<>();
    private final AtomicLong pooledBytes = new AtomicLong();
    private final AtomicLong allocations = new AtomicLong();
    private final AtomicLong frees = new AtomicLong();

    /**
     * Creates a pool.
     *
     * @param maxBytes the most bytes kept in all; 0 disables pooling
     * @param maxArrayBytes the largest array kept
     */
    ArrayPool(long maxBytes, long maxArrayBytes) {
        this.maxBytes = maxBytes;
        this.maxArrayBytes = maxArrayBytes;
    }

    /** Returns an array of this dtype and shape with undefined contents, in 'c' order. */
    INDArray take(DType dtype, Shape shape) {
        if (shape.size() == 0) {
            return Nd4j.create(Types.of(dtype), Types.dims(shape));
        }
        ArrayBlockingQueue<INDArray> q = free.get(new Key(dtype, shape));
        INDArray a = q == null ? null : q.poll();
        if (a != null) {
            pooledBytes.addAndGet(-bytes(dtype, shape));
            return a;
        }
        allocations.incrementAndGet();
        if (Nd4j.getMemoryManager().getCurrentWorkspace() == null) {
            return Nd4j.createUninitialized(Types.of(dtype), Types.dims(shape), 'c');
        }
        // Called inside an ND4J workspace (e.g. from DL4J code on this thread): allocate outside
        // it, because the workspace would reuse the memory behind the pool's back.
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.createUninitialized(Types.of(dtype), Types.dims(shape), 'c');
        }
    }

    /** Takes back an array that no buffer uses any more: keeps it, or frees it now. */
    void recycle(INDArray a, DType dtype, Shape shape) {
        long b = bytes(dtype, shape);
        if (b <= maxArrayBytes) {
            if (pooledBytes.addAndGet(b) <= maxBytes) {
                ArrayBlockingQueue<INDArray> q = queue(new Key(dtype, shape));
                if (q != null && q.offer(a)) {
                    return;
                }
            }
            pooledBytes.addAndGet(-b);
        }
        close(a);
    }

    private void close(INDArray a) {
        frees.incrementAndGet();
        a.close();
    }

    private ArrayBlockingQueue<INDArray> queue(Key k) {
        ArrayBlockingQueue<INDArray> q = free.get(k);
        if (q == null && free.size() < MAX_KEYS) {
            q = free.computeIfAbsent(k, x -> new ArrayBlockingQueue<>(PER_SHAPE));
        }
        return q;
    }

    /** Frees every pooled array. */
    void clear() {
        for (var e : free.entrySet()) {
            long b = bytes(e.getKey().dtype(), e.getKey().shape());
            INDArray a;
            while ((a = e.getValue().poll()) != null) {
                pooledBytes.addAndGet(-b);
                close(a);
            }
        }
    }

    /** The bytes held by pooled arrays now. */
    long pooledBytes() {
        return pooledBytes.get();
    }

    /** How many native arrays this pool has allocated (pooled hand-outs not counted). */
    long allocations() {
        return allocations.get();
    }

    /** How many native arrays this pool has freed. */
    long frees() {
        return frees.get();
    }

    private static long bytes(DType dtype, Shape shape) {
        return (long) shape.size() * dtype.byteSize();
    }
}
