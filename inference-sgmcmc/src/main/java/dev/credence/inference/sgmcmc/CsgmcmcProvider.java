package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Option;
import dev.credence.api.infer.Range;
import java.util.List;

/**
 * The {@code csgmcmc} algorithm: cyclical SG-MCMC (Zhang, Li, Zhang, Chen and Wilson, ICLR 2020),
 * the cosine cycles of {@link CyclicalSchedule} on SGHMC (cSGHMC, the default) or SGLD (cSGLD).
 * Options besides those of {@link SgmcmcProvider}:
 *
 * <table class="striped">
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>sampler</td><td>sghmc</td><td>sghmc or sgld dynamics</td></tr>
 *   <tr><td>step-size</td><td>1e-5</td><td>alpha_0, the step at the start of each cycle</td></tr>
 *   <tr><td>friction</td><td>0.1</td><td>SGHMC's momentum decay</td></tr>
 *   <tr><td>cycles</td><td>4</td><td>M</td></tr>
 *   <tr><td>cycle-length</td><td>1000</td><td>steps per cycle</td></tr>
 *   <tr><td>cycle-epochs</td><td>0</td><td>if positive, the cycle length in passes over the
 *       data (overrides cycle-length)</td></tr>
 *   <tr><td>exploration</td><td>0.8</td><td>fraction of each cycle without noise (beta)</td></tr>
 *   <tr><td>samples-per-cycle</td><td>3</td><td>draws kept at the end of each cycle</td></tr>
 * </table>
 */
public final class CsgmcmcProvider extends SgmcmcProvider {
    private static final Option<Double> STEP =
            stepSize(1e-5, "alpha_0: step at the start of a cycle");
    private static final Option<String> SAMPLER =
            Option.choice("sampler", "sghmc", List.of("sghmc", "sgld"), "dynamics");
    private static final Option<Integer> CYCLES =
            Option.integer("cycles", 4, Range.atLeast(1), "number of cycles M");
    private static final Option<Integer> CYCLE_LENGTH =
            Option.integer("cycle-length", 1000, Range.atLeast(1), "steps per cycle");
    private static final Option<Integer> CYCLE_EPOCHS =
            Option.integer("cycle-epochs", 0, Range.atLeast(0), "if > 0: cycle length in epochs");
    private static final Option<Double> EXPLORATION =
            Option.real(
                    "exploration",
                    0.8,
                    new Range(0, false, 1, true),
                    "fraction of a cycle without noise");
    private static final Option<Integer> SAMPLES_PER_CYCLE =
            Option.integer("samples-per-cycle", 3, Range.atLeast(1), "draws kept per cycle");

    /** Called by {@link java.util.ServiceLoader}. */
    public CsgmcmcProvider() {}

    @Override
    public String name() {
        return "csgmcmc";
    }

    @Override
    public String description() {
        return "cyclical SG-MCMC: cosine step-size cycles over SGHMC or SGLD (Zhang et al. 2020)";
    }

    @Override
    List<Option<?>> ownOptions() {
        return List.of(
                SAMPLER,
                STEP,
                FRICTION,
                CYCLES,
                CYCLE_LENGTH,
                CYCLE_EPOCHS,
                EXPLORATION,
                SAMPLES_PER_CYCLE);
    }

    @Override
    Dynamics dynamics(InferenceConfig c) {
        return c.get(SAMPLER).equals("sgld")
                ? new Dynamics.Langevin()
                : new Dynamics.Hamiltonian(c.get(FRICTION));
    }

    @Override
    StepSchedule schedule(InferenceConfig c, long stepsPerEpoch) {
        int epochs = c.get(CYCLE_EPOCHS);
        long length = epochs > 0 ? epochs * stepsPerEpoch : c.get(CYCLE_LENGTH);
        return new CyclicalSchedule(
                c.get(STEP), c.get(CYCLES), length, c.get(EXPLORATION), c.get(SAMPLES_PER_CYCLE));
    }
}
