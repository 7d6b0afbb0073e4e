package dev.credence.models.bnn.predict;

import dev.credence.api.backend.ScalarMath;
import dev.credence.api.infer.diagnostics.NormalQuantile;

/**
 * The equally weighted mixture {@code (1/S) sum_s N(m_s, s_s^2)}: the posterior predictive of one
 * example from S draws. Densities are computed in log space ({@code log-mean-exp} of the component
 * log-densities), quantiles by bisection on the mixture CDF, which is exact for the mixture (unlike
 * a Gaussian with the mixture's mean and variance, which misses skew and multimodality).
 */
public final class GaussianMixture {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private GaussianMixture() {}

    /**
     * The log-density of the mixture at {@code y}: {@code log (1/S) sum_s N(y | m_s, s_s^2)}.
     *
     * @param y the point
     * @param means the component means
     * @param sds the component standard deviations, positive
     * @return the log-density
     */
    public static double logDensity(double y, double[] means, double[] sds) {
        double[] lp = new double[means.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < means.length; s++) {
            double z = (y - means[s]) / sds[s];
            lp[s] = -0.5 * z * z - Math.log(sds[s]) - HALF_LOG_2PI;
            max = Math.max(max, lp[s]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : lp) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum / means.length);
    }

    /**
     * The mixture's cumulative distribution function.
     *
     * @param y the point
     * @param means the component means
     * @param sds the component standard deviations
     * @return {@code P(Y <= y)}
     */
    public static double cdf(double y, double[] means, double[] sds) {
        double sum = 0;
        for (int s = 0; s < means.length; s++) {
            sum += normalCdf((y - means[s]) / sds[s]);
        }
        return sum / means.length;
    }

    /**
     * The standard normal CDF, {@code erfc(-z / sqrt 2) / 2}.
     *
     * @param z the point
     * @return {@code Phi(z)}
     */
    public static double normalCdf(double z) {
        return 0.5 * ScalarMath.erfc(-z / Math.sqrt(2));
    }

    /**
     * The mixture's quantile: the {@code y} with {@code cdf(y) = p}, to a relative tolerance of
     * about {@code 1e-10} of the mixture's spread.
     *
     * @param p the probability, in (0, 1)
     * @param means the component means
     * @param sds the component standard deviations
     * @return the quantile
     */
    public static double quantile(double p, double[] means, double[] sds) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile: p must be in (0, 1), found " + p);
        }
        // Every component's p-quantile brackets the mixture's: the CDF is their average.
        double z = NormalQuantile.of(p);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double spread = 0;
        for (int s = 0; s < means.length; s++) {
            double q = means[s] + z * sds[s];
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
            spread = Math.max(spread, sds[s]);
        }
        double tol = 1e-10 * Math.max(spread, hi - lo);
        for (int it = 0; it < 200 && hi - lo > tol; it++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, means, sds) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
