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
 * held; past that, released arrays are left to the garbage collector.
 *
 * <p>The pool forgets what is no longer asked for: arrays of a length (and element type) that no
 * request has wanted in the last {@value #STALE_AFTER} requests are dropped, checked every {@value
 * #SWEEP_EVERY} requests, and a released array of such a length is not kept. Without this, a
 * training run's evaluation on the test set (arrays of 10,000-row shapes that training never asks
 * for again) filled the pool to its cap with arrays nobody would reuse, and the process grew by
 * that much after its first evaluation. Thread-safe.
 */
final class ArrayPool {
    /** The shortest array worth pooling. */
    static final int MIN_LENGTH = 4096;

    /** Requests after which a length nobody asked for is dropped from the pool. */
    static final long STALE_AFTER = 20_000;

    /** Requests between two sweeps for stale lengths. */
    static final int SWEEP_EVERY = 1024;

    private static final long DEFAULT_MB = 512;

    /** The pool every jvm backend shares. */
    static final ArrayPool SHARED =
            new ArrayPool(Long.getLong("credence.jvm.pool.mb", DEFAULT_MB) << 20);

    private enum Kind {
        FLOAT(4),
        DOUBLE(8),
        INT(4);

        final int bytes;

        Kind(int bytes) {
            this.bytes = bytes;
        }
    }

    private record Key(Kind kind, int length) {}

    /** The arrays kept for one kind and length, and the request that last asked for one. */
    private static final class Shelf {
        final ConcurrentLinkedDeque<Object> arrays = new ConcurrentLinkedDeque<>();
        final long bytesEach;
        volatile long lastAsked;

        Shelf(long bytesEach, long now) {
            this.bytesEach = bytesEach;
            this.lastAsked = now;
        }
    }

    private final long capacity;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final ConcurrentHashMap<Key, Shelf> shelves = new ConcurrentHashMap<>();

    ArrayPool(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    /** A float array of length n, from the pool if one is there; its contents are arbitrary. */
    float[] floats(int n) {
        Object a = take(Kind.FLOAT, n);
        return a == null ? new float[n] : (float[]) a;
    }

    double[] doubles(int n) {
        Object a = take(Kind.DOUBLE, n);
        return a == null ? new double[n] : (double[]) a;
    }

    int[] ints(int n) {
        Object a = take(Kind.INT, n);
        return a == null ? new int[n] : (int[]) a;
    }

    /** Takes back an array that no buffer uses any more. */
    void give(float[] a) {
        keep(Kind.FLOAT, a.length, a);
    }

    void give(double[] a) {
        keep(Kind.DOUBLE, a.length, a);
    }

    void give(int[] a) {
        keep(Kind.INT, a.length, a);
    }

    private Object take(Kind kind, int n) {
        if (n < MIN_LENGTH) {
            return null;
        }
        long now = requests.incrementAndGet();
        if (now % SWEEP_EVERY == 0) {
            sweep(now);
        }
        Key k = new Key(kind, n);
        Shelf s = shelves.get(k);
        if (s == null) {
            // Remember the request, so that the array it makes is kept when released.
            shelves.computeIfAbsent(k, x -> new Shelf((long) kind.bytes * n, now));
            return null;
        }
        s.lastAsked = now;
        Object a = s.arrays.pollFirst();
        if (a != null) {
            held.addAndGet(-s.bytesEach);
        }
        return a;
    }

    private void keep(Kind kind, int n, Object a) {
        if (n < MIN_LENGTH) {
            return;
        }
        Key k = new Key(kind, n);
        Shelf s = shelves.get(k);
        if (s == null || requests.get() - s.lastAsked > STALE_AFTER) {
            return;
        }
        long now = held.addAndGet(s.bytesEach);
        if (now > capacity) {
            held.addAndGet(-s.bytesEach);
            return;
        }
        s.arrays.addFirst(a);
        // A sweep may have dropped the shelf meanwhile: then take the array back out of it.
        if (shelves.get(k) != s && s.arrays.remove(a)) {
            held.addAndGet(-s.bytesEach);
        }
    }

    /** Drops the arrays, and forgets the shelves, of lengths not asked for recently. */
    private void sweep(long now) {
        shelves.entrySet()
                .removeIf(
                        e -> {
                            Shelf s = e.getValue();
                            if (now - s.lastAsked <= STALE_AFTER) {
                                return false;
                            }
                            while (s.arrays.pollFirst() != null) {
                                held.addAndGet(-s.bytesEach);
                            }
                            return true;
                        });
    }

    /** The bytes held now (for tests). */
    long heldBytes() {
        return held.get();
    }

    /** The lengths (of any kind) with a shelf now (for tests). */
    int shelves() {
        return shelves.size();
    }
}
