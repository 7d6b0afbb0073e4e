package dev.credence.inference.hmc;

/**
 * Step-size adaptation by dual averaging, Algorithm 5 of Hoffman and Gelman (2014), "The No-U-Turn
 * Sampler", JMLR 15, with Stan's defaults: target acceptance {@code delta = 0.8}, {@code gamma =
 * 0.05}, {@code t0 = 10}, {@code kappa = 0.75}, and {@code mu = log(10 eps0)}.
 *
 * <p>A state record and pure update: {@link #update} returns the next state given the mean
 * acceptance statistic of the last transition; {@link #stepSize()} is the step to use next and
 * {@link #finalStepSize()} the averaged one to sample with after warm-up.
 *
 * @param mu the shrinkage target for {@code log eps}
 * @param delta the target acceptance statistic
 * @param counter the number of updates since the last restart
 * @param sBar the running average of {@code delta - accept}
 * @param logEps the current {@code log eps}
 * @param logEpsBar the averaged {@code log eps}
 */
public record DualAveraging(
        double mu, double delta, long counter, double sBar, double logEps, double logEpsBar) {

    static final double GAMMA = 0.05;
    static final double T0 = 10;
    static final double KAPPA = 0.75;

    /**
     * Starts adaptation from a step size.
     *
     * @param stepSize the initial step size (mu becomes {@code log(10 stepSize)})
     * @param delta the target acceptance statistic in (0, 1)
     * @return the initial state
     */
    public static DualAveraging start(double stepSize, double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException(
                    "target acceptance must be in (0, 1), found " + delta);
        }
        return new DualAveraging(Math.log(10 * stepSize), delta, 0, 0, Math.log(stepSize), 0);
    }

    /**
     * Folds in one transition's acceptance statistic.
     *
     * @param acceptStat the transition's mean Metropolis acceptance probability
     * @return the next state
     */
    public DualAveraging update(double acceptStat) {
        double a = Double.isNaN(acceptStat) ? 0 : Math.min(1, acceptStat);
        long t = counter + 1;
        double eta = 1.0 / (t + T0);
        double s = (1 - eta) * sBar + eta * (delta - a);
        double x = mu - s * Math.sqrt(t) / GAMMA;
        double w = Math.pow(t, -KAPPA);
        double xBar = (1 - w) * logEpsBar + w * x;
        return new DualAveraging(mu, delta, t, s, x, xBar);
    }

    /**
     * Restarts the averaging around a new step size (after a metric update).
     *
     * @param stepSize the new starting step size
     * @return the restarted state
     */
    public DualAveraging restart(double stepSize) {
        return new DualAveraging(Math.log(10 * stepSize), delta, 0, 0, Math.log(stepSize), 0);
    }

    /**
     * Returns the step size for the next transition during warm-up.
     *
     * @return {@code exp(logEps)}
     */
    public double stepSize() {
        return Math.exp(logEps);
    }

    /**
     * Returns the averaged step size used after warm-up.
     *
     * @return {@code exp(logEpsBar)}
     */
    public double finalStepSize() {
        return Math.exp(logEpsBar);
    }
}
