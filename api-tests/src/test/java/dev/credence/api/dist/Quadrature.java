package dev.credence.api.dist;

import java.util.function.DoubleUnaryOperator;

/**
 * Deterministic integrals for test oracles: composite Gauss-Legendre rules on meshes graded
 * geometrically towards the ends of the interval, where the integrands of the expectation tests
 * have power-law behaviour ({@code x^a} near 0 for a gamma CDF, {@code (1 - t)^(b - 1)} near 1).
 */
final class Quadrature {
    private static final int ORDER = 24;
    private static final double[] NODES = new double[ORDER];
    private static final double[] WEIGHTS = new double[ORDER];

    static {
        // Roots of the Legendre polynomial P_n by Newton's method from Chebyshev guesses.
        for (int i = 0; i < ORDER; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (ORDER + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= ORDER; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = ORDER * (x * p1 - p0) / (x * x - 1);
                double step = p1 / dp;
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            NODES[i] = x;
            WEIGHTS[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    private Quadrature() {}

    /** One Gauss-Legendre rule on [lo, hi]. */
    static double rule(DoubleUnaryOperator f, double lo, double hi) {
        double half = (hi - lo) / 2;
        double mid = (hi + lo) / 2;
        double s = 0;
        for (int i = 0; i < ORDER; i++) {
            s += WEIGHTS[i] * f.applyAsDouble(mid + half * NODES[i]);
        }
        return s * half;
    }

    /**
     * Integrates over [lo, hi] on a mesh of {@code pieces} equal panels in the middle and panels
     * shrinking by factors of 4 towards both ends, down to a width of about {@code 1e-14 (hi -
     * lo)}.
     */
    static double integrate(DoubleUnaryOperator f, double lo, double hi, int pieces) {
        double width = hi - lo;
        double edge = width / pieces;
        double total = 0;
        for (int i = 1; i < pieces - 1; i++) {
            total += rule(f, lo + i * edge, lo + (i + 1) * edge);
        }
        double w = edge;
        while (w > 1e-14 * width) {
            double next = w / 4;
            total += rule(f, lo + next, lo + w);
            total += rule(f, hi - w, hi - next);
            w = next;
        }
        total += rule(f, lo, lo + w);
        total += rule(f, hi - w, hi);
        return total;
    }
}
