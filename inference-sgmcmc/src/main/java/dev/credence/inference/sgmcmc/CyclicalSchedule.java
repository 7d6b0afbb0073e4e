package dev.credence.inference.sgmcmc;

/**
 * The cyclical cosine step sizes of Zhang, Li, Zhang, Chen and Wilson, "Cyclical stochastic
 * gradient MCMC for Bayesian deep learning" (ICLR 2020), equation (1): with cycle length {@code L}
 * and position {@code r = (k mod L) / L} in the cycle,
 *
 * <pre>
 * step_k = stepSize / 2 (cos(pi r) + 1).
 * </pre>
 *
 * Each cycle starts with a large step that escapes the current mode and ends with small steps that
 * sample around the next. Following their Algorithm 1, a cycle has an <em>exploration</em> stage
 * ({@code r < exploration}, the paper's beta) run as plain optimisation without noise, and a
 * <em>sampling</em> stage ({@code r >= exploration}) that injects noise and keeps {@code
 * samplesPerCycle} states, the last one at the end of the cycle and the others spaced back from it
 * over the second half of the sampling stage.
 *
 * @param stepSize the step size at the start of each cycle (alpha_0), positive
 * @param cycles the number of cycles M, at least 1
 * @param cycleLength the steps per cycle L
 * @param exploration the fraction of each cycle spent exploring, in {@code [0, 1)}
 * @param samplesPerCycle the draws kept per cycle, at least 1
 */
public record CyclicalSchedule(
        double stepSize, int cycles, long cycleLength, double exploration, int samplesPerCycle)
        implements StepSchedule {

    /**
     * Validates the schedule.
     *
     * @param stepSize alpha_0
     * @param cycles M
     * @param cycleLength L
     * @param exploration beta
     * @param samplesPerCycle draws per cycle
     */
    public CyclicalSchedule {
        Checks.positive("step-size", stepSize);
        Checks.atLeast("cycles", cycles, 1);
        if (!(exploration >= 0 && exploration < 1)) {
            throw new IllegalArgumentException(
                    "option 'exploration' must be in [0, 1), found " + exploration);
        }
        Checks.atLeast("samples-per-cycle", samplesPerCycle, 1);
        long sampling = cycleLength - (long) Math.ceil(exploration * cycleLength);
        if (sampling < samplesPerCycle) {
            throw new IllegalArgumentException(
                    "cyclical schedule: a cycle of "
                            + cycleLength
                            + " steps with exploration "
                            + exploration
                            + " samples for "
                            + sampling
                            + " steps, fewer than samples-per-cycle = "
                            + samplesPerCycle
                            + "; lengthen the cycle or lower the exploration fraction");
        }
    }

    @Override
    public long totalSteps() {
        return cycles * cycleLength;
    }

    /**
     * Returns the position of a step in its cycle.
     *
     * @param k the step
     * @return {@code (k mod L) / L}, in {@code [0, 1)}
     */
    public double position(long k) {
        return (double) (k % cycleLength) / cycleLength;
    }

    @Override
    public double stepSize(long k) {
        return stepSize / 2 * (Math.cos(Math.PI * position(k)) + 1);
    }

    @Override
    public boolean injectsNoise(long k) {
        return position(k) >= exploration;
    }

    @Override
    public boolean collects(long k) {
        long fromEnd = cycleLength - 1 - k % cycleLength;
        return fromEnd % spacing() == 0 && fromEnd / spacing() < samplesPerCycle;
    }

    /**
     * Returns the steps between the draws kept in one cycle.
     *
     * @return {@code max(1, floor(samplingSteps / (2 samplesPerCycle)))}
     */
    public long spacing() {
        long sampling = cycleLength - (long) Math.ceil(exploration * cycleLength);
        return Math.max(1, sampling / (2L * samplesPerCycle));
    }

    @Override
    public int draws() {
        return cycles * samplesPerCycle;
    }

    @Override
    public boolean warmup(long k) {
        return !injectsNoise(k);
    }
}
