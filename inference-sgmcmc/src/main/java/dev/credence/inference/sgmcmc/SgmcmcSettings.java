package dev.credence.inference.sgmcmc;

/**
 * Everything a stochastic-gradient MCMC run needs besides the model and the key: the dynamics (SGLD
 * or SGHMC), the schedule of step sizes and kept draws, and the run's shape.
 *
 * <pre>{@code
 * // SGHMC with a constant learning rate, 2000 steps of burn-in, 500 draws 10 steps apart:
 * SgmcmcSettings s = SgmcmcSettings.of(
 *         new Dynamics.Hamiltonian(0.1), PolynomialSchedule.constant(1e-4, 2000, 500, 10));
 * // cyclical SGHMC: 4 cycles of 5 epochs, 3 draws per cycle
 * SgmcmcSettings c = SgmcmcSettings.of(
 *         new Dynamics.Hamiltonian(0.1),
 *         new CyclicalSchedule(1e-4, 4, 5 * stepsPerEpoch, 0.8, 3)).withChains(2);
 * Posterior post = Sgmcmc.fit(model, c, RandomKey.of(1), ProgressListener.NONE);
 * }</pre>
 *
 * @param dynamics the update rule
 * @param schedule step sizes, noise and kept draws
 * @param chains the number of independent chains, at least 1
 * @param temperature T, positive: the chains target {@code posterior^(1/T)}
 * @param init how chains start
 * @param initRadius the half-width of {@link Init#UNIFORM} starts, positive
 * @param threads the threads chains run on, at least 1
 * @param reportEvery steps between progress reports, at least 1
 */
public record SgmcmcSettings(
        Dynamics dynamics,
        StepSchedule schedule,
        int chains,
        double temperature,
        Init init,
        double initRadius,
        int threads,
        int reportEvery) {

    /**
     * How a chain's first state is chosen. Uniform starts (Stan's default) suit small models, whose
     * prior draws can land where the gradient is stiff (a scale near zero); prior starts suit
     * networks, whose weights a uniform start on {@code (-2, 2)} would saturate.
     */
    public enum Init {
        /** A draw from the prior (the latent values of one seeded run of the model). */
        PRIOR,
        /** Uniform in {@code (-initRadius, initRadius)} on the unconstrained space. */
        UNIFORM
    }

    /**
     * Validates the settings.
     *
     * @param dynamics the update rule
     * @param schedule the schedule
     * @param chains the chains
     * @param temperature the temperature
     * @param init the initialisation
     * @param initRadius the uniform half-width
     * @param threads the threads
     * @param reportEvery steps between reports
     */
    public SgmcmcSettings {
        if (dynamics == null || schedule == null || init == null) {
            throw new IllegalArgumentException(
                    "SG-MCMC settings need dynamics, a schedule and an initialisation");
        }
        Checks.atLeast("chains", chains, 1);
        Checks.positive("temperature", temperature);
        Checks.positive("init-radius", initRadius);
        Checks.atLeast("threads", threads, 1);
        Checks.atLeast("report-every", reportEvery, 1);
    }

    /**
     * Settings with one chain at temperature 1 started uniformly in {@code (-2, 2)}, reporting
     * every 100 steps.
     *
     * @param dynamics the update rule
     * @param schedule the schedule
     * @return the settings
     */
    public static SgmcmcSettings of(Dynamics dynamics, StepSchedule schedule) {
        return new SgmcmcSettings(dynamics, schedule, 1, 1, Init.UNIFORM, 2, 1, 100);
    }

    /**
     * Returns a copy with another number of chains, run on as many threads as there are cores (at
     * most one per chain).
     *
     * @param n the number of chains
     * @return the settings
     */
    public SgmcmcSettings withChains(int n) {
        int t = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        return new SgmcmcSettings(
                dynamics, schedule, n, temperature, init, initRadius, t, reportEvery);
    }

    /**
     * Returns a copy with another temperature.
     *
     * @param t the temperature
     * @return the settings
     */
    public SgmcmcSettings withTemperature(double t) {
        return new SgmcmcSettings(
                dynamics, schedule, chains, t, init, initRadius, threads, reportEvery);
    }

    /**
     * Returns a copy with another initialisation.
     *
     * @param how the initialisation
     * @param radius the half-width for {@link Init#UNIFORM}
     * @return the settings
     */
    public SgmcmcSettings withInit(Init how, double radius) {
        return new SgmcmcSettings(
                dynamics, schedule, chains, temperature, how, radius, threads, reportEvery);
    }
}
