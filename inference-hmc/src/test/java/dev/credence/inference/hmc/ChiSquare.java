package dev.credence.inference.hmc;

/**
 * Pearson's chi-squared test of uniformity, with the p-value from the regularised upper incomplete
 * gamma function {@code Q(k/2, x/2)} (series below {@code a + 1}, Lentz continued fraction above).
 */
final class ChiSquare {
    private ChiSquare() {}

    /** The p-value of counts against equal expected counts. */
    static double uniformityPValue(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        double expected = total / (double) counts.length;
        double stat = 0;
        for (int c : counts) {
            stat += (c - expected) * (c - expected) / expected;
        }
        return upperRegularizedGamma((counts.length - 1) / 2.0, stat / 2);
    }

    static double upperRegularizedGamma(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        double logPrefix = a * Math.log(x) - x - dev.credence.api.backend.ScalarMath.lgamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1000; n++) {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-16) {
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
        for (int i = 1; i < 1000; i++) {
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
