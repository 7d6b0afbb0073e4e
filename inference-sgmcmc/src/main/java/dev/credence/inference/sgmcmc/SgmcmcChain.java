package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;

/**
 * Runs one chain of a stochastic-gradient sampler: at each step, estimate the gradient on a fresh
 * minibatch, keep the state if the schedule collects it, and update it with the {@link Dynamics}.
 * Step {@code k} draws all its randomness from {@code key.fold(k)} (the minibatch from one half,
 * the injected noise from the other), so a chain is reproducible bit for bit.
 *
 * <p>A step whose log density or gradient is not finite is refused: the state stays, SGHMC's
 * momentum is reset to zero, and the next kept draw is flagged {@code divergent}. After {@value
 * #MAX_REFUSED} refusals in a row the chain stops with {@link SgmcmcDivergedException}.
 */
final class SgmcmcChain {
    /** The number of consecutive refused steps after which a chain gives up. */
    static final int MAX_REFUSED = 10;

    private SgmcmcChain() {}

    /**
     * A chain's kept states on the unconstrained space and their statistics.
     *
     * @param draws the kept states, {@code [draw][coordinate]}
     * @param logDensity the minibatch estimate of the log density at each kept state
     * @param stepSize the step size of the update that followed each kept state
     * @param refused 1 where a step was refused since the previous kept state, else 0
     */
    record Result(double[][] draws, double[] logDensity, double[] stepSize, double[] refused) {}

    static Result run(
            StochasticGradient f,
            double[] start,
            SgmcmcSettings s,
            RandomKey key,
            int chain,
            ProgressListener listener) {
        StepSchedule schedule = s.schedule();
        int d = f.dimension();
        int n = schedule.draws();
        double[] theta = start.clone();
        double[] momentum = new double[d];
        double[] grad = new double[d];
        Result out = new Result(new double[n][], new double[n], new double[n], new double[n]);
        int kept = 0;
        int inARow = 0;
        int refusedTotal = 0;
        boolean refusedSinceDraw = false;
        long total = schedule.totalSteps();
        for (long k = 0; k < total; k++) {
            RandomKey[] keys = key.fold(k).split(2);
            double step = schedule.stepSize(k);
            double lp = f.valueAndGradient(theta, grad, keys[0]);
            boolean finite = Double.isFinite(lp) && allFinite(grad);
            if (schedule.collects(k) && kept < n) {
                out.draws()[kept] = theta.clone();
                out.logDensity()[kept] = lp;
                out.stepSize()[kept] = step;
                out.refused()[kept] = refusedSinceDraw ? 1 : 0;
                refusedSinceDraw = false;
                kept++;
            }
            if (!finite) {
                refusedTotal++;
                refusedSinceDraw = true;
                java.util.Arrays.fill(momentum, 0);
                if (++inARow >= MAX_REFUSED) {
                    throw new SgmcmcDivergedException(chain, k, step);
                }
            } else {
                inARow = 0;
                double[] normals = schedule.injectsNoise(k) ? keys[1].normalDoubles(d) : null;
                s.dynamics().update(theta, momentum, grad, step, s.temperature(), normals);
            }
            if ((k + 1) % s.reportEvery() == 0 || k + 1 == total) {
                listener.onMcmc(
                        new ProgressListener.Mcmc(
                                chain,
                                (int) Math.min(Integer.MAX_VALUE, k + 1),
                                (int) Math.min(Integer.MAX_VALUE, total),
                                schedule.warmup(k),
                                step,
                                refusedTotal));
            }
        }
        return out;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
