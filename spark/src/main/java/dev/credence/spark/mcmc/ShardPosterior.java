package dev.credence.spark.mcmc;

import java.io.Serializable;
import java.util.List;

/**
 * The draws of one sub-posterior of {@link ConsensusMonteCarlo}: every chain's draws of one
 * partition, pooled, with the flattened parameter names.
 *
 * @param partition the partition
 * @param rows the number of rows it holds
 * @param names the flattened parameter names, as {@link dev.credence.api.infer.Draws} names them
 * @param draws {@code [T][D]} draws, chains one after the other
 * @param divergences the number of divergent transitions after warm-up
 */
public record ShardPosterior(
        int partition, int rows, List<String> names, double[][] draws, int divergences)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Copies the names.
     *
     * @param partition the partition
     * @param rows its rows
     * @param names the parameter names
     * @param draws the draws
     * @param divergences the divergences
     */
    public ShardPosterior {
        names = List.copyOf(names);
    }
}
