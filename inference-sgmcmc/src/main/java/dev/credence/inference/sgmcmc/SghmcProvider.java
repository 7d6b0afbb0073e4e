package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sghmc} algorithm: stochastic gradient Hamiltonian Monte Carlo (Chen, Fox and Guestrin,
 * ICML 2014) on {@link Dynamics.Hamiltonian}, with the step sizes of {@link PolynomialSchedule}.
 * Options besides those of {@link SgmcmcProvider}: {@code step-size} (the learning rate eta,
 * default 1e-5), {@code friction} (alpha, the momentum decay, default 0.1), {@code decay-exponent},
 * {@code decay-offset}, {@code num-warmup}, {@code num-samples}, {@code thin}.
 */
public final class SghmcProvider extends SgmcmcProvider {
    private static final Option<Double> STEP = stepSize(1e-5, "initial step size");

    /** Called by {@link java.util.ServiceLoader}. */
    public SghmcProvider() {}

    @Override
    public String name() {
        return "sghmc";
    }

    @Override
    public String description() {
        return "stochastic gradient Hamiltonian Monte Carlo with friction (Chen et al. 2014)";
    }

    @Override
    List<Option<?>> ownOptions() {
        List<Option<?>> o = new ArrayList<>(polynomialOptions(STEP));
        o.add(1, FRICTION);
        return o;
    }

    @Override
    Dynamics dynamics(InferenceConfig c) {
        return new Dynamics.Hamiltonian(c.get(FRICTION));
    }

    @Override
    StepSchedule schedule(InferenceConfig c, long stepsPerEpoch) {
        return polynomial(c, STEP);
    }
}
