package dev.credence.api.backend;

/**
 * Double-precision special functions, for backends whose native library lacks one and for reference
 * values in tests. Accuracy is close to 1e-15 relative over the ranges used in statistics.
 */
public final class ScalarMath {
    private ScalarMath() {}

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** Lanczos coefficients for g = 7, n = 9. */
    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /**
     * Returns {@code log |Gamma(x)|}; +infinity at the poles 0, -1, -2, ...
     *
     * @param x the argument
     * @return the log-gamma value
     */
    public static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x <= 0 && x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0.5) {
            // Reflection: Gamma(x) Gamma(1-x) = pi / sin(pi x)
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
        }
        if (x == 1 || x == 2) {
            return 0;
        }
        if (x > 15) {
            // Stirling series; the error is below 1e-16 relative here.
            double z = 1 / (x * x);
            double series =
                    (1.0 / 12
                                    + z
                                            * (-1.0 / 360
                                                    + z
                                                            * (1.0 / 1260
                                                                    + z
                                                                            * (-1.0 / 1680
                                                                                    + z
                                                                                            * (1.0
                                                                                                    / 1188)))))
                            / x;
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
        }
        double xm = x - 1;
        double a = LANCZOS[0];
        double t = xm + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (xm + i);
        }
        return HALF_LOG_2PI + (xm + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /**
     * Returns the digamma function {@code d/dx log Gamma(x)}; NaN at the poles.
     *
     * @param x the argument
     * @return digamma(x)
     */
    public static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x <= 0 && x == Math.rint(x)) {
            return Double.NaN;
        }
        double acc = 0;
        if (x < 0) {
            // Reflection: psi(1-x) - psi(x) = pi cot(pi x)
            acc -= Math.PI / Math.tan(Math.PI * x);
            x = 1 - x;
        }
        while (x < 20) {
            acc -= 1 / x;
            x += 1;
        }
        double z = 1 / (x * x);
        double tail =
                z
                        * (1.0 / 12
                                - z
                                        * (1.0 / 120
                                                - z
                                                        * (1.0 / 252
                                                                - z
                                                                        * (1.0 / 240
                                                                                - z
                                                                                        * (1.0
                                                                                                / 132)))));
        return acc + Math.log(x) - 0.5 / x - tail;
    }

    /**
     * Returns the trigamma function, the derivative of digamma.
     *
     * @param x the argument
     * @return trigamma(x)
     */
    public static double trigamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x <= 0 && x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0) {
            // Reflection: psi1(1-x) + psi1(x) = pi^2 / sin^2(pi x)
            double s = Math.sin(Math.PI * x);
            return -trigamma(1 - x) + Math.PI * Math.PI / (s * s);
        }
        double acc = 0;
        while (x < 20) {
            acc += 1 / (x * x);
            x += 1;
        }
        double z = 1 / (x * x);
        double tail =
                1 / x
                        + z / 2
                        + z
                                / x
                                * (1.0 / 6
                                        - z
                                                * (1.0 / 30
                                                        - z
                                                                * (1.0 / 42
                                                                        - z
                                                                                * (1.0 / 30
                                                                                        - z
                                                                                                * (5.0
                                                                                                        / 66)))));
        return acc + tail;
    }

    /**
     * Returns the error function.
     *
     * @param x the argument
     * @return erf(x)
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax > 6) {
            return Math.signum(x);
        }
        if (ax < 2.5) {
            // erf(x) = 2/sqrt(pi) e^{-x^2} sum 2^n x^{2n+1} / (1*3*...*(2n+1)); all terms positive.
            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
                if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
        }
        double e = erfcContinuedFraction(ax);
        return x > 0 ? 1 - e : e - 1;
    }

    /**
     * Returns the complementary error function {@code 1 - erf(x)}, accurate in the upper tail.
     *
     * @param x the argument
     * @return erfc(x)
     */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 2.5) {
            return 1 - erf(x);
        }
        return erfcContinuedFraction(x);
    }

    /** erfc for x >= 2.5 by the Laplace continued fraction, evaluated with Lentz's method. */
    private static double erfcContinuedFraction(double x) {
        if (x > 27) {
            return 0;
        }
        // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double an = n / 2.0;
            d = x + an * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }

    /**
     * Returns the regularised upper incomplete gamma function {@code Q(a, x) = Gamma(a, x) /
     * Gamma(a)}, the survival function of a Gamma(a, 1) variable (so {@code Q(k/2, x/2)} is the
     * chi-squared p-value). A series is used below {@code x = a + 1} and a continued fraction
     * above.
     *
     * @param a the shape, positive
     * @param x the point, at least 0
     * @return Q(a, x)
     */
    public static double gammaQ(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            return Double.NaN;
        }
        if (x == 0) {
            return 1;
        }
        double logPrefix = a * Math.log(x) - x - lgamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-17) {
                    break;
                }
            }
            return 1 - Math.exp(logPrefix) * sum;
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(logPrefix) * h;
    }
}
