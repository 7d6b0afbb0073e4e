package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.OptionSpec;
import java.util.List;
import java.util.Locale;

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
    private static final double STEP = 1e-5;

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
    List<OptionSpec> ownOptions() {
        return List.of(
                new OptionSpec("sampler", "sghmc", "sghmc|sgld dynamics"),
                new OptionSpec("step-size", "" + STEP, "alpha_0: step at the start of a cycle"),
                new OptionSpec("friction", "0.1", "alpha of sghmc: momentum decay per step"),
                new OptionSpec("cycles", "4", "number of cycles M"),
                new OptionSpec("cycle-length", "1000", "steps per cycle"),
                new OptionSpec("cycle-epochs", "0", "if > 0: cycle length in epochs"),
                new OptionSpec("exploration", "0.8", "fraction of a cycle without noise"),
                new OptionSpec("samples-per-cycle", "3", "draws kept per cycle"));
    }

    @Override
    Dynamics dynamics(InferenceConfig c) {
        String name = c.get("sampler", "sghmc").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sghmc" -> new Dynamics.Hamiltonian(c.getDouble("friction", 0.1));
            case "sgld" -> new Dynamics.Langevin();
            default ->
                    throw new IllegalArgumentException(
                            "option 'sampler' must be sghmc or sgld, found '" + name + "'");
        };
    }

    @Override
    StepSchedule schedule(InferenceConfig c, long stepsPerEpoch) {
        int epochs = c.getInt("cycle-epochs", 0);
        long length = epochs > 0 ? epochs * stepsPerEpoch : c.getInt("cycle-length", 1000);
        return new CyclicalSchedule(
                c.getDouble("step-size", STEP),
                c.getInt("cycles", 4),
                length,
                c.getDouble("exploration", 0.8),
                c.getInt("samples-per-cycle", 3));
    }
}
