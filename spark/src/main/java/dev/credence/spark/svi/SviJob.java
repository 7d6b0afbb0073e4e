package dev.credence.spark.svi;

import dev.credence.api.random.RandomKey;
import dev.credence.spark.Shard;
import java.io.Serializable;

/**
 * The fixed facts of one data-parallel SVI run that its tasks share: the settings, the prototype
 * row, the partition that owns the global terms, and the keys derived from the run's key.
 *
 * <p>Keys: the guide's prototype runs use {@code runKey.split(3)[2]}, param discovery {@code
 * runKey.split(2)[0]} (as {@link dev.credence.inference.vi.Svi#init} does), step {@code s} {@code
 * runKey.fold(s)}, and partition {@code p}'s minibatch of step {@code s} {@code
 * runKey.split(3)[1].fold(s).fold(p)}. So each partition's share depends on the run's key, the step
 * and the partition's index only, never on which executor runs it or when.
 *
 * @param settings the run's settings
 * @param head the prototype row
 * @param owner the partition whose share carries the prior and guide terms
 * @param runKey the run's key
 * @param runId a name unique to this run object, under which executors keep its guide
 */
record SviJob(SviSpec settings, Shard head, int owner, RandomKey runKey, String runId)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    RandomKey guideKey() {
        return DataParallelSvi.guideKey(runKey);
    }

    RandomKey discoveryKey() {
        return runKey.split(2)[0];
    }

    /**
     * Picks a step's minibatch of a partition: {@code B_p = max(1, round(f * n_p))} rows without
     * replacement (the first {@code B_p} entries of a random permutation), or all rows when the
     * fraction is 1.
     *
     * @param shard the partition's rows
     * @param step the step
     * @return the minibatch
     */
    Shard minibatch(Shard shard, long step) {
        double f = settings.batchFraction();
        if (f >= 1) {
            return shard;
        }
        int n = shard.rows();
        int b = (int) Math.max(1, Math.min(n, Math.round(f * n)));
        double[] u = runKey.split(3)[1].fold(step).fold(shard.partition()).uniformDoubles(b);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < b; i++) {
            int j = i + (int) Math.floor(u[i] * (n - i));
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return shard.select(java.util.Arrays.copyOf(perm, b));
    }
}
