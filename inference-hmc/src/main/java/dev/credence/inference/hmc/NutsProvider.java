package dev.credence.inference.hmc;

import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.OptionSpec;
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

    @Override
    public List<OptionSpec> options() {
        SamplerSettings d = SamplerSettings.defaults();
        return List.of(
                new OptionSpec("chains", "" + d.chains(), "number of chains"),
                new OptionSpec("num-warmup", "" + d.numWarmup(), "warm-up iterations per chain"),
                new OptionSpec("num-samples", "" + d.numSamples(), "draws per chain after warm-up"),
                new OptionSpec("max-tree-depth", "" + d.maxTreeDepth(), "NUTS tree depth limit"),
                new OptionSpec("adapt-delta", "" + d.targetAccept(), "target acceptance statistic"),
                new OptionSpec(
                        "dense-metric", "false", "adapt a dense instead of a diagonal metric"),
                new OptionSpec("integration-time", "" + d.integrationTime(), "HMC path length"),
                new OptionSpec("init-radius", "" + d.initRadius(), "uniform(-r, r) initial values"),
                new OptionSpec("threads", "" + d.threads(), "threads to run chains on"));
    }

    /**
     * Reads the settings from a configuration.
     *
     * @param c the configuration
     * @return the settings
     */
    public SamplerSettings settings(InferenceConfig c) {
        SamplerSettings d = SamplerSettings.defaults();
        return new SamplerSettings(
                algorithm,
                c.getInt("chains", d.chains()),
                c.getInt("num-warmup", d.numWarmup()),
                c.getInt("num-samples", d.numSamples()),
                c.getInt("max-tree-depth", d.maxTreeDepth()),
                c.getDouble("adapt-delta", d.targetAccept()),
                c.getBoolean("dense-metric", false),
                c.getDouble("integration-time", d.integrationTime()),
                c.getDouble("init-radius", d.initRadius()),
                c.getInt("threads", d.threads()));
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
