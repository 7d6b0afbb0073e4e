package dev.credence.inference.sgmcmc;

/**
 * When a stochastic-gradient sampler steps how far, when it injects noise, and which states it
 * keeps. Steps are counted from 0; the state "at step k" is the one after k updates, before the
 * update of step k, so draw {@code k} and the log density recorded with it belong together.
 *
 * <p>Two schedules: {@link PolynomialSchedule}, the decreasing (or constant) steps of SGLD and
 * SGHMC with a burn-in and thinning, and {@link CyclicalSchedule}, the cosine cycles of cyclical
 * SG-MCMC with an exploration stage (no noise) and a sampling stage in each cycle.
 */
public sealed interface StepSchedule permits PolynomialSchedule, CyclicalSchedule {

    /**
     * Returns the number of updates of a chain.
     *
     * @return the total number of steps
     */
    long totalSteps();

    /**
     * Returns the step size of step {@code k}: the {@code epsilon} of SGLD or the learning rate
     * {@code eta} of SGHMC (see {@link Dynamics}).
     *
     * @param k the step, from 0
     * @return the step size, positive
     */
    double stepSize(long k);

    /**
     * Tells whether step {@code k} injects Gaussian noise (a sampling step) or not (an optimisation
     * step, as in the exploration stage of cyclical SG-MCMC).
     *
     * @param k the step
     * @return true to add noise
     */
    boolean injectsNoise(long k);

    /**
     * Tells whether the state at step {@code k} is kept as a draw.
     *
     * @param k the step
     * @return true to keep it
     */
    boolean collects(long k);

    /**
     * Returns the number of draws a chain keeps.
     *
     * @return the number of steps {@code k} with {@link #collects(long)} true
     */
    int draws();

    /**
     * Tells whether step {@code k} belongs to burn-in or exploration, before the stage whose states
     * are kept; progress reports call this warm-up.
     *
     * @param k the step
     * @return true before sampling
     */
    boolean warmup(long k);
}
