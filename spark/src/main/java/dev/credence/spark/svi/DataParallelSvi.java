package dev.credence.spark.svi;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Optimizer;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.inference.vi.ElboGradient;
import dev.credence.inference.vi.GradientSource;
import dev.credence.inference.vi.Svi;
import dev.credence.inference.vi.SviResult;
import dev.credence.inference.vi.SviSettings;
import dev.credence.inference.vi.SviState;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.HostValue;
import dev.credence.spark.Shard;
import dev.credence.spark.Shards;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Data-parallel stochastic variational inference: the driver holds the params and the optimizer
 * state; each step broadcasts the params, every partition estimates its rows' share of the ELBO and
 * its gradient ({@link ShardGradient}), and {@code treeAggregate} sums the shares on the way back:
 * the pattern of Spark MLlib's own gradient-descent optimisers.
 *
 * <pre>{@code
 * Shards shards = Shards.of(table, List.of("x1", "x2"), "y");
 * SviSpec spec = SviSpec.of(model, AutoNormal::new, () -> new TraceElbo(1), "jvm");
 * DataParallelSvi svi = new DataParallelSvi(shards, spec, Adam.of(0.05));
 * SviResult r = svi.run(RandomKey.of(1), SviSettings.of(500), ProgressListener.NONE);
 * Posterior post = svi.posterior(r.state(), RandomKey.of(2));
 * }</pre>
 *
 * <p><b>What it computes.</b> For a model whose likelihood sits in the data plate, {@code log p(x,
 * z) = log p(z) + sum_i log p(x_i | z)}, so the ELBO is a sum over rows plus the prior and guide
 * terms. Each partition adds its rows' terms; the first partition with rows adds the prior and
 * guide terms; every partition draws the global latent variables from the guide with the step's key
 * {@code runKey.fold(step)}, the key a single-process {@link Svi} uses. A full-batch run therefore
 * follows single-process SVI on the same data and keys, up to the order in which the floating-point
 * sums are taken. With {@link SviSpec#batchFraction()} {@code f < 1} each partition uses a random
 * {@code f}-fraction of its rows each step, scaled by {@code n_p / B_p}: a stratified, unbiased
 * estimate of the full ELBO (Hoffman et al., "Stochastic variational inference", JMLR 14, 2013).
 *
 * <p><b>The driver's side.</b> The loop is {@link Svi#run(RandomKey, SviSettings, ProgressListener,
 * GradientSource)}: the same NaN/Inf guard, progress reports, checkpoints (on the driver's file
 * system) and exact resumption as single-process SVI; the params and the optimizer state after a
 * resume are those the checkpoint stored, bit for bit.
 *
 * <p><b>Limits.</b> Latent variables must be global (outside the data plate): a per-row latent
 * variable would need per-row guide params, which live with the rows, not on the driver. The guide
 * must have the same params whatever the rows, which automatic guides of global latents have. The
 * sum over partitions is taken in the order Spark's tree delivers the shares, so two runs agree to
 * summation order, not bit for bit.
 */
public final class DataParallelSvi {
    private final Shards shards;
    private final SviSpec spec;
    private final Optimizer optimizer;
    private final Backend backend;
    private final String runId = java.util.UUID.randomUUID().toString();

    /**
     * Configures the inference.
     *
     * @param shards the data, one cached shard per partition
     * @param spec the model, guide, objective, backend and minibatch settings
     * @param optimizer the optimizer, run on the driver
     */
    public DataParallelSvi(Shards shards, SviSpec spec, Optimizer optimizer) {
        this.shards = shards;
        this.spec = spec;
        this.optimizer = optimizer;
        this.backend = ExecutorBackends.get(spec.backend());
    }

    /**
     * The driver's view of the inference: the model over the prototype row, the guide built from it
     * with the run's guide key, the optimizer and the objective. Its {@link Svi#init} gives the
     * initial state and its {@link Svi#posterior} the fitted posterior.
     *
     * @param runKey the run's key
     * @return the driver's inference
     */
    public Svi driverSvi(RandomKey runKey) {
        return driverSvi(spec, shards.head(), optimizer, runKey);
    }

    /**
     * The driver's view of a run over given rows: what reloads a run's checkpoint to predict with
     * it (the guide's params depend on the model's latent sites, not on the rows).
     *
     * @param spec the run's settings
     * @param head a row with features and a target
     * @param optimizer the optimizer
     * @param runKey the run's key
     * @return the driver's inference
     */
    public static Svi driverSvi(SviSpec spec, Shard head, Optimizer optimizer, RandomKey runKey) {
        if (head.targets() == null) {
            throw new IllegalArgumentException(
                    "data-parallel SVI: the prototype row needs a target, so that the model"
                            + " observes it");
        }
        Model proto = spec.model().model(head.toBatch(ExecutorBackends.get(spec.backend())));
        return new Svi(
                proto,
                spec.guide().guide(proto, guideKey(runKey)),
                optimizer,
                spec.elbo().create());
    }

    /**
     * The key a guide of this run is built with: build a single-process guide with it to compare.
     *
     * @param runKey the run's key
     * @return {@code runKey.split(3)[2]}
     */
    public static RandomKey guideKey(RandomKey runKey) {
        return runKey.split(3)[2];
    }

    /**
     * Runs to {@code settings.steps()} steps, one Spark job per step.
     *
     * @param runKey the run's key
     * @param settings steps, reports, checkpoints on the driver
     * @param listener receives progress reports
     * @return the final state and the ELBO of every step
     */
    public SviResult run(RandomKey runKey, SviSettings settings, ProgressListener listener) {
        return driverSvi(runKey).run(runKey, settings, listener, source(runKey));
    }

    /**
     * The fitted posterior.
     *
     * @param runKey the run's key
     * @param state a state of the run
     * @param key the key of the summary draws
     * @return the posterior of the guide at the state's params
     */
    public Posterior posterior(RandomKey runKey, SviState state, RandomKey key) {
        return driverSvi(runKey).posterior(state, key);
    }

    /**
     * The distributed gradient source of a run: one Spark job per call.
     *
     * @param runKey the run's key
     * @return the source
     */
    public GradientSource source(RandomKey runKey) {
        SviJob job = job(runKey);
        JavaRDD<Shard> rdd = shards.rdd();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(rdd.context());
        return (state, stepKey) -> {
            Broadcast<List<HostValue>> params = sc.broadcast(HostValue.of(state.params()));
            ShardGradient task = new ShardGradient(job, state.step(), stepKey);
            GradientPart sum;
            try {
                sum =
                        rdd.map(s -> task.compute(s, params.value()))
                                .treeAggregate(
                                        GradientPart.EMPTY,
                                        GradientPart::plus,
                                        GradientPart::plus,
                                        spec.treeDepth());
            } finally {
                params.destroy();
            }
            return toGradient(sum, state);
        };
    }

    private ElboGradient toGradient(GradientPart sum, SviState state) {
        if (sum.grads() == null) {
            throw new IllegalStateException("data-parallel SVI: no partition has rows");
        }
        List<Tensor> g = new ArrayList<>(sum.grads().length);
        for (int i = 0; i < sum.grads().length; i++) {
            Tensor p = state.params().get(i);
            g.add(new HostValue(sum.grads()[i], p.shape().dims(), p.dtype()).toTensor(backend));
        }
        return new ElboGradient(sum.elbo(), sum.logLikelihood(), sum.kl(), g);
    }

    private SviJob job(RandomKey runKey) {
        return new SviJob(spec, shards.head(), shards.owner(), runKey, runId + "/" + runKey);
    }
}
