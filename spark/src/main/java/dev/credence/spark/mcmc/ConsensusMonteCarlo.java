package dev.credence.spark.mcmc;

import dev.credence.api.random.RandomKey;
import dev.credence.spark.Shards;
import java.util.List;

/**
 * Embarrassingly parallel MCMC over data shards: consensus Monte Carlo (Scott, Blocker, Bonassi,
 * Chipman, George and McCulloch, "Bayes and big data: the consensus Monte Carlo algorithm", IJMSEM
 * 11, 2016). The posterior factorises over {@code S} shards of the rows,
 *
 * <pre>
 * p(theta | x) ∝ prod_s [ p(theta)^(1/S) p(x_s | theta) ],
 * </pre>
 *
 * so each partition samples its sub-posterior with NUTS (or any MCMC algorithm of the inference
 * registry) with no communication at all, and the driver combines draw {@code t} of every
 * sub-posterior by the precision-weighted average of {@link ConsensusCombiner}.
 *
 * <pre>{@code
 * Shards shards = Shards.of(table, List.of("x1", "x2", "x3", "x4"), "y");   // 8 partitions
 * ConsensusResult r = new ConsensusMonteCarlo(shards,
 *         ConsensusSpec.nuts(model, "jvm", Map.of("chains", "2", "num-samples", "1000")))
 *     .run(RandomKey.of(1));
 * double[] mean = r.mean();
 * }</pre>
 *
 * <p><b>When it is biased.</b> The average is exact only for Gaussian sub-posteriors. It drifts
 * from the full posterior when a shard holds too few rows for its sub-posterior to be near
 * Gaussian: small shards, many parameters per row, heavy tails, skewed or bounded posteriors
 * (logistic regression with rare events or separable data, scale parameters), and multimodal ones
 * (mixtures, networks), whose modes the average blends. Raising the prior to {@code 1/S} also
 * weakens it {@code S}-fold in every shard, so a prior that regularises an otherwise ill-determined
 * shard no longer does. Check with more, smaller shards: the combined posterior should not move;
 * and compare with full-data NUTS on a subsample.
 *
 * <p>Each partition uses the key {@code runKey.fold(partition)}, so its draws do not depend on
 * which executor runs it or when; NUTS chains inside a task run on one thread unless the {@code
 * threads} option says otherwise. Parameters must be real valued (the check names any that are
 * not).
 */
public final class ConsensusMonteCarlo {
    private final Shards shards;
    private final ConsensusSpec spec;

    /**
     * Configures the run.
     *
     * @param shards the data, one shard per partition
     * @param spec the model, backend and MCMC algorithm
     */
    public ConsensusMonteCarlo(Shards shards, ConsensusSpec spec) {
        this.shards = shards;
        this.spec = spec;
    }

    /**
     * Samples every sub-posterior (one Spark job) and combines them on the driver.
     *
     * @param runKey the run's key
     * @return the combined draws and the sub-posteriors
     */
    public ConsensusResult run(RandomKey runKey) {
        int s = 0;
        for (int n : shards.rowsPerPartition()) {
            s += n > 0 ? 1 : 0;
        }
        ShardSampler sampler = new ShardSampler(spec, s, runKey);
        List<ShardPosterior> subs =
                shards.rdd().filter(sh -> sh.rows() > 0).map(sampler::sample).collect();
        return new ConsensusResult(subs.get(0).names(), ConsensusCombiner.combine(subs), subs);
    }
}
