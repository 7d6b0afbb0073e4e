package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Option;
import java.util.List;

/**
 * The {@code sgld} algorithm: stochastic gradient Langevin dynamics (Welling and Teh, ICML 2011)
 * with the step sizes of {@link PolynomialSchedule}, on {@link Dynamics.Langevin}. Options besides
 * those of {@link SgmcmcProvider}: {@code step-size} (epsilon, default 1e-4), {@code
 * decay-exponent} (gamma; 0, a constant step, by default; Welling and Teh used 0.55), {@code
 * decay-offset} (b, in steps), {@code num-warmup}, {@code num-samples}, {@code thin}.
 */
public final class SgldProvider extends SgmcmcProvider {
    private static final Option<Double> STEP = stepSize(1e-4, "initial step size");

    /** Called by {@link java.util.ServiceLoader}. */
    public SgldProvider() {}

    @Override
    public String name() {
        return "sgld";
    }

    @Override
    public String description() {
        return "stochastic gradient Langevin dynamics on minibatches (Welling and Teh 2011)";
    }

    @Override
    List<Option<?>> ownOptions() {
        return polynomialOptions(STEP);
    }

    @Override
    Dynamics dynamics(InferenceConfig c) {
        return new Dynamics.Langevin();
    }

    @Override
    StepSchedule schedule(InferenceConfig c, long stepsPerEpoch) {
        return polynomial(c, STEP);
    }
}
