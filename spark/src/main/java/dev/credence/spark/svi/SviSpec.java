package dev.credence.spark.svi;

import dev.credence.spark.ElboFactory;
import dev.credence.spark.GuideFactory;
import dev.credence.spark.ShardModel;
import java.io.Serializable;

/**
 * What every executor of a {@link DataParallelSvi} run needs to know, shipped with each task.
 *
 * @param model the model over a block of rows
 * @param guide builds the guide from a prototype model (e.g. {@code AutoNormal::new})
 * @param elbo makes the objective (e.g. {@code () -> new TraceElbo(1)})
 * @param backend the backend every executor computes on (e.g. {@code jvm})
 * @param plate the name of the model's plate over the rows
 * @param batchFraction the fraction of each partition's rows in a step's minibatch, in {@code (0,
 *     1]}; 1 for full-batch steps
 * @param treeDepth the depth of the {@code treeAggregate} that sums the partitions' shares, at
 *     least 1 (2 is Spark's default; deeper trees relieve the driver when there are many
 *     partitions)
 */
public record SviSpec(
        ShardModel model,
        GuideFactory guide,
        ElboFactory elbo,
        String backend,
        String plate,
        double batchFraction,
        int treeDepth)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the settings.
     *
     * @param model the model
     * @param guide the guide factory
     * @param elbo the objective factory
     * @param backend the backend name
     * @param plate the data plate's name
     * @param batchFraction the minibatch fraction
     * @param treeDepth the aggregation depth
     */
    public SviSpec {
        if (model == null || guide == null || elbo == null || backend == null || plate == null) {
            throw new IllegalArgumentException(
                    "data-parallel SVI: model, guide, elbo, backend and plate are required");
        }
        if (!(batchFraction > 0 && batchFraction <= 1)) {
            throw new IllegalArgumentException(
                    "data-parallel SVI: batch fraction must be in (0, 1], found " + batchFraction);
        }
        if (treeDepth < 1) {
            throw new IllegalArgumentException(
                    "data-parallel SVI: tree depth must be >= 1, found " + treeDepth);
        }
    }

    /**
     * Full-batch settings on a backend, with the data plate {@value
     * dev.credence.spark.ShardModel#DATA_PLATE} and tree depth 2.
     *
     * @param model the model
     * @param guide the guide factory
     * @param elbo the objective factory
     * @param backend the backend name
     * @return the settings
     */
    public static SviSpec of(
            ShardModel model, GuideFactory guide, ElboFactory elbo, String backend) {
        return new SviSpec(model, guide, elbo, backend, ShardModel.DATA_PLATE, 1.0, 2);
    }

    /**
     * Returns a copy whose steps use a minibatch of each partition.
     *
     * @param fraction the fraction of each partition's rows per step
     * @return the new settings
     */
    public SviSpec withBatchFraction(double fraction) {
        return new SviSpec(model, guide, elbo, backend, plate, fraction, treeDepth);
    }
}
