package dev.credence.inference.hmc;

import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.Option;
import dev.credence.api.infer.Range;
import java.util.List;

/**
 * The {@code nuts} and {@code hmc} algorithms for {@link dev.credence.api.infer.Inferences}.
 * Options (Stan's names with dashes): {@code chains}, {@code num-warmup}, {@code num-samples},
 * {@code max-tree-depth}, {@code adapt-delta}, {@code dense-metric}, {@code integration-time}
 * (HMC), {@code init-radius}, {@code threads}.
 */
public class NutsProvider implements InferenceProvider {
    private final SamplerSettings.Algorithm algorithm;

    /** The NUTS provider; called by {@link java.util.ServiceLoader}. */
    public NutsProvider() {
        this(SamplerSettings.Algorithm.NUTS);
    }

    NutsProvider(SamplerSettings.Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public String name() {
        return algorithm == SamplerSettings.Algorithm.NUTS ? "nuts" : "hmc";
    }

    @Override
    public String description() {
        return algorithm == SamplerSettings.Algorithm.NUTS
                ? "No-U-Turn sampler with Stan-style warm-up (step size and metric adaptation)"
                : "static Hamiltonian Monte Carlo with a jittered fixed integration time";
    }

    private static final SamplerSettings D = SamplerSettings.defaults();

    static final Option<Integer> CHAINS =
            Option.integer("chains", D.chains(), Range.closed(1, 1024), "number of chains");
    static final Option<Integer> NUM_WARMUP =
            Option.integer(
                    "num-warmup", D.numWarmup(), Range.atLeast(0), "warm-up iterations per chain");
    static final Option<Integer> NUM_SAMPLES =
            Option.integer(
                    "num-samples",
                    D.numSamples(),
                    Range.atLeast(1),
                    "draws per chain after warm-up");
    static final Option<Integer> MAX_TREE_DEPTH =
            Option.integer(
                    "max-tree-depth",
                    D.maxTreeDepth(),
                    Range.closed(1, 30),
                    "NUTS tree depth limit");
    static final Option<Double> ADAPT_DELTA =
            Option.real(
                    "adapt-delta",
                    D.targetAccept(),
                    Range.open(0, 1),
                    "target acceptance statistic");
    static final Option<Boolean> DENSE_METRIC =
            Option.flag("dense-metric", false, "adapt a dense instead of a diagonal metric");
    static final Option<Double> INTEGRATION_TIME =
            Option.real(
                    "integration-time",
                    D.integrationTime(),
                    Range.greaterThan(0),
                    "HMC path length");
    static final Option<Double> INIT_RADIUS =
            Option.real(
                    "init-radius",
                    D.initRadius(),
                    Range.atLeast(0),
                    "uniform(-r, r) initial values");
    static final Option<Integer> THREADS =
            Option.integer("threads", D.threads(), Range.atLeast(1), "threads to run chains on");

    @Override
    public List<Option<?>> options() {
        return List.of(
                CHAINS,
                NUM_WARMUP,
                NUM_SAMPLES,
                MAX_TREE_DEPTH,
                ADAPT_DELTA,
                DENSE_METRIC,
                INTEGRATION_TIME,
                INIT_RADIUS,
                THREADS);
    }

    /**
     * Reads the settings from a configuration.
     *
     * @param c the configuration
     * @return the settings
     */
    public SamplerSettings settings(InferenceConfig c) {
        return new SamplerSettings(
                algorithm,
                c.get(CHAINS),
                c.get(NUM_WARMUP),
                c.get(NUM_SAMPLES),
                c.get(MAX_TREE_DEPTH),
                c.get(ADAPT_DELTA),
                c.get(DENSE_METRIC),
                c.get(INTEGRATION_TIME),
                c.get(INIT_RADIUS),
                c.get(THREADS));
    }

    @Override
    public Inference create(InferenceConfig config) {
        checkOptions(config);
        SamplerSettings s = settings(config);
        return model -> McmcRun.fit(model, s, config);
    }

    /** The {@code hmc} provider. */
    public static final class Hmc extends NutsProvider {
        /** Called by {@link java.util.ServiceLoader}. */
        public Hmc() {
            super(SamplerSettings.Algorithm.HMC);
        }
    }
}
