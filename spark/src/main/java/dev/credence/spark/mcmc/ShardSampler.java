package dev.credence.spark.mcmc;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.IndependentConstraint;
import dev.credence.api.dist.constraint.Real;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.random.RandomKey;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.Shard;
import dev.credence.spark.ShardScaling;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What an executor does for one partition of {@link ConsensusMonteCarlo}: sample the sub-posterior
 * {@code p(theta)^(1/S) p(x_s | theta)} of its rows with the registry's MCMC algorithm and the key
 * {@code runKey.fold(partition)}, and pool the chains' draws.
 *
 * @param spec the model, backend and algorithm
 * @param subposteriors {@code S}, the number of partitions with rows
 * @param runKey the run's key
 */
record ShardSampler(ConsensusSpec spec, int subposteriors, RandomKey runKey)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    ShardPosterior sample(Shard shard) {
        Backend b = ExecutorBackends.get(spec.backend());
        Model model =
                ShardScaling.apply(
                        spec.model().model(shard.toBatch(b)),
                        spec.plate(),
                        1.0 / subposteriors,
                        1.0);
        RandomKey key = runKey.fold(shard.partition());
        checkReal(model, key);
        Map<String, Object> options = new HashMap<>(spec.options());
        // One task per executor core: chains run one after another inside it unless asked.
        options.putIfAbsent("threads", 1);
        Posterior post =
                Inferences.discover()
                        .create(
                                spec.algorithm(),
                                new InferenceConfig(options, key, ProgressListener.NONE))
                        .fit(model);
        Draws d = post.draws(key, 0);
        double[][][] v = d.values();
        double[][] pooled = new double[v.length * d.drawsPerChain()][];
        int k = 0;
        for (double[][] chain : v) {
            for (double[] draw : chain) {
                pooled[k++] = draw;
            }
        }
        return new ShardPosterior(
                shard.partition(), shard.rows(), d.parameterNames(), pooled, d.divergences());
    }

    /** The precision-weighted average is for parameters on the whole real line. */
    private static void checkReal(Model model, RandomKey key) {
        for (Site s : Handlers.trace(Handlers.seed(model, key)).latentSites()) {
            if (!isReal(s.distribution().support())) {
                throw new IllegalArgumentException(
                        "consensus Monte Carlo averages draws, so every latent site must be real"
                                + " valued; site '"
                                + s.name()
                                + "' is "
                                + s.distribution().support().describe()
                                + ": sample it on the real line (a log scale, say) and"
                                + " transform it in the model");
            }
        }
    }

    private static boolean isReal(Constraint c) {
        return c instanceof Real || (c instanceof IndependentConstraint i && isReal(i.base()));
    }
}
