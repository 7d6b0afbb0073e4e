package dev.credence.spark.fits;

import dev.credence.api.random.RandomKey;
import dev.credence.spark.Shard;
import java.io.Serializable;

/**
 * The fit of one group's model in {@link ManyFits#perGroup}: a hierarchical data set's groups
 * fitted separately, a model per store or per customer.
 *
 * @param <R> the result, serializable
 */
@FunctionalInterface
public interface GroupFit<R extends Serializable> extends Serializable {

    /**
     * Fits one group.
     *
     * @param group the group's value of the group column, as a string
     * @param rows the group's rows (features and target)
     * @param key the fit's key, {@code runKey.fold(i)} for the {@code i}-th group in sorted order
     * @return the result
     */
    R fit(String group, Shard rows, RandomKey key);
}
