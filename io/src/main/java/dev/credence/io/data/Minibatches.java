package dev.credence.io.data;

import dev.credence.api.random.RandomKey;
import java.util.Arrays;

/**
 * Shuffled minibatch indices drawn from a {@link RandomKey}: the same key always gives the same
 * order, on every machine and backend, and a different key a different order.
 *
 * <p>The shuffle is Fisher-Yates driven by {@link RandomKey#uniformDoubles(int)}: for {@code i}
 * from {@code n-1} down to 1, position {@code i} swaps with {@code floor(u[i] * (i + 1))}. Each
 * epoch should use its own key, {@code key.fold(epoch)}, as {@link Dataset#epoch} does.
 */
public final class Minibatches {

    private Minibatches() {}

    /**
     * Returns a random permutation of {@code 0 .. n-1}.
     *
     * @param key the key
     * @param n the number of items
     * @return the permutation
     */
    public static int[] permutation(RandomKey key, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be >= 0, found " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        double[] u = key.uniformDoubles(n);
        for (int i = n - 1; i > 0; i--) {
            int j = (int) (u[i] * (i + 1));
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Splits a random permutation of {@code 0 .. n-1} into batches of {@code batchSize}.
     *
     * @param key the key
     * @param n the number of items
     * @param batchSize the batch size, at least 1
     * @param dropLast whether to drop a last batch smaller than {@code batchSize}
     * @return the batches of indices; together they hold every index once (less the dropped tail)
     */
    public static int[][] indices(RandomKey key, int n, int batchSize, boolean dropLast) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "minibatches: batchSize must be at least 1, found " + batchSize);
        }
        int[] p = permutation(key, n);
        int full = n / batchSize;
        int count = full + (!dropLast && n % batchSize != 0 ? 1 : 0);
        int[][] out = new int[count][];
        for (int b = 0; b < count; b++) {
            int from = b * batchSize;
            out[b] = Arrays.copyOfRange(p, from, Math.min(n, from + batchSize));
        }
        return out;
    }
}
