package dev.credence.spark.svi;

import dev.credence.api.backend.Backend;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import dev.credence.inference.vi.ElboGradient;
import dev.credence.inference.vi.ParamSpace;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.HostValue;
import dev.credence.spark.Shard;
import dev.credence.spark.ShardScaling;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an executor does for one partition in one step of {@link DataParallelSvi}: rebuild the guide
 * and the param space from the run's prototype row (the same on every executor as on the driver),
 * pick the step's minibatch of the partition's rows, and estimate that partition's share of the
 * ELBO and its gradient at the broadcast params with the step's key.
 *
 * <p>The share: the rows' log-likelihood terms times {@code n_p / B_p}, plus the prior and guide
 * terms on the owner partition only ({@link ShardScaling}). Every partition draws the global latent
 * variables from the guide with the same key, so the shares add up to the estimate a single process
 * makes over all rows.
 *
 * @param job the run's settings and data layout
 * @param step the step number
 * @param stepKey the step's key, {@code runKey.fold(step)}
 */
record ShardGradient(SviJob job, long step, RandomKey stepKey) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The guide and param space of the runs this executor took part in lately, by run id: built
     * once per run and executor instead of once per step and partition (an automatic guide runs the
     * model a dozen times to lay itself out). Guides are models, which may run on several threads
     * at once. A few runs are kept, the least recently used dropped.
     */
    private static final Map<String, Prepared> PREPARED =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(8, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Prepared> e) {
                            return size() > 4;
                        }
                    });

    /** A run's guide and param space on this executor. */
    private record Prepared(Model guide, ParamSpace space) {}

    /** Builds the guide and the param space from the prototype row, outside any tensor scope. */
    private static Prepared prepare(SviJob job, Backend b) {
        Model proto = job.settings().model().model(job.head().toBatch(b));
        Model guide = job.settings().guide().guide(proto, job.guideKey());
        return new Prepared(guide, ParamSpace.discover(proto, guide, job.discoveryKey()));
    }

    /**
     * Computes one partition's share.
     *
     * @param shard the partition's rows
     * @param params the params' unconstrained values
     * @return the share, or the empty part for a partition without rows
     */
    GradientPart compute(Shard shard, List<HostValue> params) {
        if (shard.rows() == 0) {
            return GradientPart.EMPTY;
        }
        Backend b = ExecutorBackends.get(job.settings().backend());
        Prepared prepared = PREPARED.computeIfAbsent(job.runId(), id -> prepare(job, b));
        Model guide = prepared.guide();
        ParamSpace space = prepared.space();
        try (TensorScope scope = TensorScope.open()) {
            List<Tensor> x = HostValue.toTensors(b, params);
            checkShapes(space, x);
            Shard rows = job.minibatch(shard, step);
            double local = (double) shard.rows() / rows.rows();
            double global = shard.partition() == job.owner() ? 1 : 0;
            String plate = job.settings().plate();
            Model model =
                    ShardScaling.apply(
                            job.settings().model().model(rows.toBatch(b)), plate, global, local);
            Model scaledGuide = ShardScaling.apply(guide, plate, global, local);
            ElboGradient g =
                    ElboGradient.of(
                            job.settings().elbo().create(), model, scaledGuide, space, x, stepKey);
            double[][] grads = new double[g.lossGrads().size()][];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = g.lossGrads().get(i).toDoubleArray();
            }
            return new GradientPart(1, g.elbo(), g.logLikelihood(), g.kl(), grads);
        }
    }

    private static void checkShapes(ParamSpace space, List<Tensor> x) {
        if (space.entries().size() != x.size()) {
            throw new IllegalStateException(
                    "data-parallel SVI: the params on this executor are "
                            + space.names()
                            + ", the driver sent "
                            + x.size()
                            + " values");
        }
        List<Tensor> here = space.initialUnconstrained();
        for (int i = 0; i < x.size(); i++) {
            Tensor init = here.get(i);
            if (!init.shape().equals(x.get(i).shape())) {
                throw new IllegalStateException(
                        "data-parallel SVI: param '"
                                + space.entries().get(i).name()
                                + "' has shape "
                                + init.shape()
                                + " on this executor and "
                                + x.get(i).shape()
                                + " on the driver; the guide must have the same params whatever"
                                + " the rows (global latent variables only)");
            }
        }
    }
}
