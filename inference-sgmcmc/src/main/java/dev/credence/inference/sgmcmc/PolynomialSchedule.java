package dev.credence.inference.sgmcmc;

/**
 * The step sizes of Welling and Teh, "Bayesian learning via stochastic gradient Langevin dynamics"
 * (ICML 2011), section 3: {@code epsilon_k = stepSize (1 + k / decayOffset)^(-decayExponent)},
 * which is their {@code a (b + t)^(-gamma)} with {@code b = decayOffset} and {@code a = stepSize
 * b^gamma}. An exponent in {@code (0.5, 1]} satisfies the Robbins-Monro conditions that make SGLD
 * consistent as the steps shrink; an exponent of 0 gives a constant step, whose bias is of the
 * order of the step (the usual practice with SGHMC). Noise is injected at every step; the first
 * {@code burnIn} states are discarded and then every {@code thin}-th state is kept until {@code
 * samples} draws are collected.
 *
 * @param stepSize the initial step size, positive
 * @param decayExponent gamma, in {@code [0, 1]}
 * @param decayOffset b, in steps, positive
 * @param burnIn the number of steps before the first draw
 * @param samples the number of draws kept, at least 1
 * @param thin the number of steps between kept draws, at least 1
 */
public record PolynomialSchedule(
        double stepSize,
        double decayExponent,
        double decayOffset,
        long burnIn,
        int samples,
        int thin)
        implements StepSchedule {

    /**
     * Validates the schedule.
     *
     * @param stepSize the initial step size
     * @param decayExponent gamma
     * @param decayOffset b
     * @param burnIn steps before the first draw
     * @param samples draws kept
     * @param thin steps between draws
     */
    public PolynomialSchedule {
        Checks.positive("step-size", stepSize);
        if (!(decayExponent >= 0 && decayExponent <= 1)) {
            throw new IllegalArgumentException(
                    "option 'decay-exponent' must be in [0, 1], found " + decayExponent);
        }
        Checks.positive("decay-offset", decayOffset);
        Checks.atLeast("num-warmup", burnIn, 0);
        Checks.atLeast("num-samples", samples, 1);
        Checks.atLeast("thin", thin, 1);
    }

    /**
     * A constant step size.
     *
     * @param stepSize the step size
     * @param burnIn steps before the first draw
     * @param samples draws kept
     * @param thin steps between draws
     * @return the schedule
     */
    public static PolynomialSchedule constant(double stepSize, long burnIn, int samples, int thin) {
        return new PolynomialSchedule(stepSize, 0, 1, burnIn, samples, thin);
    }

    @Override
    public long totalSteps() {
        return burnIn + (long) (samples - 1) * thin + 1;
    }

    @Override
    public double stepSize(long k) {
        return decayExponent == 0
                ? stepSize
                : stepSize * Math.pow(1 + k / decayOffset, -decayExponent);
    }

    @Override
    public boolean injectsNoise(long k) {
        return true;
    }

    @Override
    public boolean collects(long k) {
        return k >= burnIn && (k - burnIn) % thin == 0;
    }

    @Override
    public int draws() {
        return samples;
    }

    @Override
    public boolean warmup(long k) {
        return k < burnIn;
    }
}
