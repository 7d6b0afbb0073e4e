package dev.credence.spark.mcmc;

import dev.credence.spark.ShardModel;
import java.io.Serializable;
import java.util.Map;

/**
 * What every executor of a {@link ConsensusMonteCarlo} run needs: the model over a block of rows,
 * the backend, the data plate's name, and the MCMC algorithm of the inference registry with its
 * options (as {@code credence inferences} lists them, e.g. {@code chains}, {@code num-warmup},
 * {@code num-samples}).
 *
 * @param model the model over a block of rows
 * @param backend the backend every executor computes on
 * @param plate the name of the model's plate over the rows
 * @param algorithm the inference algorithm, {@code nuts} or {@code hmc}
 * @param options the algorithm's options
 */
public record ConsensusSpec(
        ShardModel model,
        String backend,
        String plate,
        String algorithm,
        Map<String, String> options)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Copies the options.
     *
     * @param model the model
     * @param backend the backend name
     * @param plate the data plate's name
     * @param algorithm the algorithm's name
     * @param options its options
     */
    public ConsensusSpec {
        if (model == null || backend == null || plate == null || algorithm == null) {
            throw new IllegalArgumentException(
                    "consensus Monte Carlo: model, backend, plate and algorithm are required");
        }
        options = Map.copyOf(options);
    }

    /**
     * NUTS with given options on the data plate {@value dev.credence.spark.ShardModel#DATA_PLATE}.
     *
     * @param model the model
     * @param backend the backend name
     * @param options NUTS options
     * @return the spec
     */
    public static ConsensusSpec nuts(
            ShardModel model, String backend, Map<String, String> options) {
        return new ConsensusSpec(model, backend, ShardModel.DATA_PLATE, "nuts", options);
    }
}
