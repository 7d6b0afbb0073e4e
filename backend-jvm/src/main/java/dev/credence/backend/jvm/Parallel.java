package dev.credence.backend.jvm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits a loop over {@code [0, n)} across the backend's kernel threads when it is long enough to
 * pay for the hand-off (about {@value #GRAIN} elements per part), and otherwise runs it on the
 * calling thread. The calling thread always takes the first part, so one thread means no hand-off
 * at all. Parts are contiguous and fixed by {@code n} and the thread count, so results never depend
 * on scheduling.
 */
final class Parallel {
    /** Elements per part below which a loop is not split. */
    static final int GRAIN = 1 << 15;

    /** The loop body: elements {@code [lo, hi)}. */
    @FunctionalInterface
    interface Range {
        void run(int lo, int hi);
    }

    private final ExecutorService pool;
    private final int threads;

    /**
     * @param pool the kernel threads (besides the caller), or null
     * @param threads the number of threads to use, the caller included
     */
    Parallel(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = pool == null ? 1 : threads;
    }

    /** A loop runner that never splits. */
    static final Parallel SERIAL = new Parallel(null, 1);

    int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split into at most {@code threads} parts of at least
     * {@code grain} elements.
     */
    void range(int n, int grain, Range body) {
        int parts = (int) Math.min(threads, Math.max(1, (long) n / Math.max(1, grain)));
        if (parts <= 1) {
            body.run(0, n);
            return;
        }
        int chunk = (n + parts - 1) / parts;
        Future<?>[] fs = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int lo = Math.min(n, p * chunk);
            int hi = Math.min(n, lo + chunk);
            fs[p - 1] = pool.submit(() -> body.run(lo, hi));
        }
        body.run(0, Math.min(n, chunk));
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("jvm kernel interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("jvm kernel worker failed", e.getCause());
            }
        }
    }
}
