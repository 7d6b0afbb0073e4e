package dev.credence.models.bnn.laplace;

import java.util.function.DoubleUnaryOperator;

/**
 * Maximises a function of the prior precision {@code delta} over {@code log delta}: a grid over
 * {@code [1e-6, 1e6]} (121 points, 10 per decade) locates the best cell, then golden-section search
 * refines within its neighbours. The Laplace evidence as a function of {@code log delta} is smooth
 * and, for the GGN, unimodal in practice (it is concave for a linear-Gaussian model), so this finds
 * its maximum to {@code 1e-6} in {@code log delta} with about 160 evaluations, each {@code O(P)}
 * once the curvature's eigenvalues are known.
 */
final class MarginalLikelihood {
    private MarginalLikelihood() {}

    static final double LOG_LO = Math.log(1e-6);
    static final double LOG_HI = Math.log(1e6);
    static final int GRID = 121;

    /**
     * Finds the maximising {@code delta}.
     *
     * @param evidence the log marginal likelihood as a function of {@code delta}
     * @return the maximiser (an end of the range if the maximum lies beyond it)
     */
    static double maximise(DoubleUnaryOperator evidence) {
        DoubleUnaryOperator f = t -> evidence.applyAsDouble(Math.exp(t));
        double step = (LOG_HI - LOG_LO) / (GRID - 1);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            double v = f.applyAsDouble(LOG_LO + i * step);
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double lo = LOG_LO + Math.max(0, best - 1) * step;
        double hi = LOG_LO + Math.min(GRID - 1, best + 1) * step;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = hi - g * (hi - lo);
        double d = lo + g * (hi - lo);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        while (hi - lo > 1e-6) {
            if (fc > fd) {
                hi = d;
                d = c;
                fd = fc;
                c = hi - g * (hi - lo);
                fc = f.applyAsDouble(c);
            } else {
                lo = c;
                c = d;
                fc = fd;
                d = lo + g * (hi - lo);
                fd = f.applyAsDouble(d);
            }
        }
        double t = (lo + hi) / 2;
        return Math.exp(f.applyAsDouble(t) >= bestValue ? t : LOG_LO + best * step);
    }
}
