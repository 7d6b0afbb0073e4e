package dev.credence.spark.fits;

import dev.credence.api.random.RandomKey;
import java.io.Serializable;

/**
 * One of many independent fits (an SBC replication, a deep-ensemble member, a chain, a bootstrap
 * fit), run as a Spark task by {@link ManyFits#indexed}. It must depend only on its index and its
 * key, never on shared mutable state, so that its result is the same on any executor.
 *
 * @param <R> the result, serializable (plain numbers or records of them: tensors do not serialise)
 */
@FunctionalInterface
public interface FitTask<R extends Serializable> extends Serializable {

    /**
     * Runs fit {@code index}.
     *
     * @param index the fit's index, {@code 0 <= index < count}
     * @param key its key, {@code runKey.fold(index)}
     * @return its result
     */
    R fit(int index, RandomKey key);
}
