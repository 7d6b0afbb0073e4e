package dev.credence.spark.predict;

import dev.credence.api.backend.ScalarMath;
import dev.credence.api.infer.diagnostics.NormalQuantile;

/**
 * Quantiles of the equally weighted mixture {@code (1/S) sum_s N(m_s, v_s)}: one row's posterior
 * predictive with a Gaussian likelihood, from {@code S} draws. Newton steps on the mixture CDF,
 * kept inside a bracket that bisection shrinks whenever a step would leave it, converge in a few
 * iterations; every component's quantile brackets the mixture's, since its CDF is their average.
 */
final class NormalMixture {
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private NormalMixture() {}

    /**
     * The mixture's {@code p}-quantile to a tolerance of {@code 1e-9} of the spread.
     *
     * @param p the probability, in (0, 1)
     * @param means the component means
     * @param sds the component standard deviations, positive
     * @return the quantile
     */
    static double quantile(double p, double[] means, double[] sds) {
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
        double tol = 1e-9 * Math.max(spread, hi - lo);
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < 100 && hi - lo > tol; it++) {
            double cdf = 0;
            double pdf = 0;
            for (int s = 0; s < means.length; s++) {
                double u = (x - means[s]) / sds[s];
                cdf += 0.5 * ScalarMath.erfc(-u / Math.sqrt(2));
                pdf += Math.exp(-0.5 * u * u) * INV_SQRT_2PI / sds[s];
            }
            cdf /= means.length;
            pdf /= means.length;
            if (cdf < p) {
                lo = x;
            } else {
                hi = x;
            }
            double next = pdf > 0 ? x - (cdf - p) / pdf : Double.NaN;
            if (Math.abs(next - x) < tol) {
                return next > lo && next < hi ? next : x;
            }
            x = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        return x;
    }
}
