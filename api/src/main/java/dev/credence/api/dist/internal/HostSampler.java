package dev.credence.api.dist.internal;

import dev.credence.api.random.RandomKey;

/**
 * Exact samplers for variates that need rejection or recursion, run on the host in double precision
 * from one {@link RandomKey}.
 *
 * <p>The sampler reads two sequential streams (uniforms and normals) cut into blocks; block {@code
 * i} of a stream comes from {@code key.fold(2 i)} or {@code key.fold(2 i + 1)}. The draws therefore
 * depend only on the key and on the order of requests, never on threads.
 *
 * <ul>
 *   <li>Gamma: Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS
 *       26(3), 2000, with the boost {@code G(a) = G(a + 1) U^{1/a}} for {@code a < 1} (section 6),
 *       kept in log space so that tiny shapes do not underflow.
 *   <li>Poisson: inversion by sequential search for small rates; for large rates the recursion of
 *       Knuth (TAOCP vol. 2, 3.4.1, algorithm Q/F) through a gamma order statistic and a binomial.
 *   <li>Binomial: a sum of Bernoulli draws for small counts; for large counts Knuth's recursion
 *       through the beta-distributed order statistic of uniforms (TAOCP vol. 2, 3.4.1).
 * </ul>
 */
public final class HostSampler {
    private static final int BLOCK = 256;
    private static final int SMALL_COUNT = 24;
    private static final double SMALL_RATE = 16;

    private final RandomKey key;
    private double[] uniforms = new double[0];
    private double[] normals = new double[0];
    private int uAt;
    private int nAt;
    private long uBlock;
    private long nBlock;

    /**
     * Creates a sampler reading from a key.
     *
     * @param key the key
     */
    public HostSampler(RandomKey key) {
        this.key = key;
    }

    /**
     * Draws a uniform value in the open interval (0, 1).
     *
     * @return the draw
     */
    public double uniform() {
        if (uAt == uniforms.length) {
            uniforms = key.fold(2 * uBlock++).uniformDoubles(BLOCK);
            uAt = 0;
        }
        // Draws are multiples of 2^-53 in [0, 1); 0 becomes the smallest positive step.
        double u = uniforms[uAt++];
        return u == 0 ? 0x1.0p-54 : u;
    }

    /**
     * Draws a standard normal value.
     *
     * @return the draw
     */
    public double normal() {
        if (nAt == normals.length) {
            normals = key.fold(2 * nBlock++ + 1).normalDoubles(BLOCK);
            nAt = 0;
        }
        return normals[nAt++];
    }

    /**
     * Draws the logarithm of a Gamma(a, 1) variate.
     *
     * @param a the shape, positive
     * @return {@code log G}; NaN for a non-positive or NaN shape
     */
    public double logGamma(double a) {
        if (!(a > 0) || Double.isInfinite(a)) {
            return a == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (a < 1) {
            // Marsaglia-Tsang section 6: G(a) = G(a + 1) * U^(1/a).
            return logGamma(a + 1) + Math.log(uniform()) / a;
        }
        double d = a - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = normal();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniform();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return Math.log(d) + Math.log(v);
            }
        }
    }

    /**
     * Draws a Gamma(a, 1) variate.
     *
     * @param a the shape, positive
     * @return the draw
     */
    public double gamma(double a) {
        return Math.exp(logGamma(a));
    }

    /**
     * Draws a Beta(a, b) variate as {@code X / (X + Y)} with independent gammas, computed from
     * their logarithms so that small shapes stay accurate.
     *
     * @param a the first shape
     * @param b the second shape
     * @return the draw
     */
    public double beta(double a, double b) {
        double lx = logGamma(a);
        double ly = logGamma(b);
        double t = lx - ly;
        return t >= 0 ? 1.0 / (1.0 + Math.exp(-t)) : Math.exp(t) / (1.0 + Math.exp(t));
    }

    /**
     * Draws a Poisson variate.
     *
     * @param rate the mean, non-negative
     * @return the draw, as a double; NaN for an invalid rate
     */
    public double poisson(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            return Double.NaN;
        }
        double count = 0;
        double mu = rate;
        while (mu > SMALL_RATE) {
            long m = (long) Math.floor(mu * 7.0 / 8.0);
            double x = gamma(m);
            if (x < mu) {
                // The m-th arrival came before mu: m events, then a Poisson on the rest.
                count += m;
                mu -= x;
            } else {
                // Among the first m - 1 arrivals, each precedes mu with probability mu / x.
                return count + binomial(m - 1, mu / x);
            }
        }
        return count + poissonBySearch(mu);
    }

    private double poissonBySearch(double mu) {
        double u = uniform();
        double p = Math.exp(-mu);
        double cdf = p;
        long k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= mu / k;
            cdf += p;
        }
        return k;
    }

    /**
     * Draws a binomial variate.
     *
     * @param n the number of trials, non-negative
     * @param p the success probability in [0, 1]
     * @return the number of successes, as a double; NaN for invalid arguments
     */
    public double binomial(double n, double p) {
        if (!(n >= 0) || n != Math.rint(n) || !(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        double count = 0;
        long trials = (long) n;
        double prob = p;
        while (trials > SMALL_COUNT) {
            if (prob == 0) {
                return count;
            }
            long a = 1 + trials / 2;
            long b = trials + 1 - a;
            // X is the a-th smallest of `trials` uniforms.
            double x = beta(a, b);
            if (x >= prob) {
                trials = a - 1;
                prob = prob / x;
            } else {
                count += a;
                trials = b - 1;
                prob = (prob - x) / (1 - x);
            }
        }
        for (long i = 0; i < trials; i++) {
            if (uniform() < prob) {
                count++;
            }
        }
        return count;
    }
}
