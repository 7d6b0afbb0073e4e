package dev.credence.backend.jvm;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Arrays of released buffers, kept for the next buffer of the same length. A training step makes
 * and drops the same few hundred arrays at every step, megabytes each; handing them back here when
 * the API releases their buffers (a {@link dev.credence.api.tensor.TensorScope} closing, a replayed
 * program freeing an intermediate) means a step allocates almost nothing, the garbage collector has
 * little to do, and the heap stays the size of one step's live set.
 *
 * <p>Only arrays of at least {@value #MIN_LENGTH} elements are pooled (smaller ones are cheap to
 * allocate), and at most {@code credence.jvm.pool.mb} megabytes (default {@value #DEFAULT_MB}) are
 * held; past that, released arrays are left to the garbage collector. Thread-safe.
 */
final class ArrayPool {
    /** The shortest array worth pooling. */
    static final int MIN_LENGTH = 4096;

    private static final long DEFAULT_MB = 512;

    /** The pool every jvm backend shares. */
    static final ArrayPool SHARED =
            new ArrayPool(Long.getLong("credence.jvm.pool.mb", DEFAULT_MB) << 20);

    private final long capacity;
    private final AtomicLong held = new AtomicLong();
    private final ConcurrentHashMap<Integer, ConcurrentLinkedDeque<float[]>> floats =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentLinkedDeque<double[]>> doubles =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentLinkedDeque<int[]>> ints =
            new ConcurrentHashMap<>();

    ArrayPool(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    /** A float array of length n, from the pool if one is there; its contents are arbitrary. */
    float[] floats(int n) {
        var q = n < MIN_LENGTH ? null : floats.get(n);
        float[] a = q == null ? null : q.pollFirst();
        if (a == null) {
            return new float[n];
        }
        held.addAndGet(-4L * n);
        return a;
    }

    double[] doubles(int n) {
        var q = n < MIN_LENGTH ? null : doubles.get(n);
        double[] a = q == null ? null : q.pollFirst();
        if (a == null) {
            return new double[n];
        }
        held.addAndGet(-8L * n);
        return a;
    }

    int[] ints(int n) {
        var q = n < MIN_LENGTH ? null : ints.get(n);
        int[] a = q == null ? null : q.pollFirst();
        if (a == null) {
            return new int[n];
        }
        held.addAndGet(-4L * n);
        return a;
    }

    /** Takes back an array that no buffer uses any more. */
    void give(float[] a) {
        if (a.length >= MIN_LENGTH && reserve(4L * a.length)) {
            floats.computeIfAbsent(a.length, k -> new ConcurrentLinkedDeque<>()).addFirst(a);
        }
    }

    void give(double[] a) {
        if (a.length >= MIN_LENGTH && reserve(8L * a.length)) {
            doubles.computeIfAbsent(a.length, k -> new ConcurrentLinkedDeque<>()).addFirst(a);
        }
    }

    void give(int[] a) {
        if (a.length >= MIN_LENGTH && reserve(4L * a.length)) {
            ints.computeIfAbsent(a.length, k -> new ConcurrentLinkedDeque<>()).addFirst(a);
        }
    }

    private boolean reserve(long bytes) {
        long now = held.addAndGet(bytes);
        if (now > capacity) {
            held.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** The bytes held now (for tests). */
    long heldBytes() {
        return held.get();
    }
}
