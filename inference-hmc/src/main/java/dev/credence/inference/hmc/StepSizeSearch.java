package dev.credence.inference.hmc;

import java.util.SplittableRandom;

/**
 * Stan's heuristic for a reasonable initial step size: from the current point with fresh momenta,
 * take one leapfrog step and double (or halve) the step size until the one-step acceptance {@code
 * exp(H0 - H)} crosses 0.8 (Hoffman and Gelman 2014, Algorithm 4).
 */
final class StepSizeSearch {
    private StepSizeSearch() {}

    static double find(
            PhasePoint start, double eps, Metric metric, LogDensity f, SplittableRandom rng) {
        int d = start.q.length;
        PhasePoint z = new PhasePoint(d);
        double[] scratch = new double[d];
        double logTarget = Math.log(0.8);
        int direction = 0;
        for (int iter = 0; iter < 200; iter++) {
            z.copyFrom(start);
            metric.sampleMomentum(rng, z.p);
            double h0 = z.hamiltonian(metric);
            Leapfrog.step(z, eps, metric, f, scratch);
            double h = z.hamiltonian(metric);
            double deltaH = h0 - h;
            if (direction == 0) {
                direction = deltaH > logTarget ? 1 : -1;
            }
            if (direction == 1 && !(deltaH > logTarget)) {
                break;
            }
            if (direction == -1 && !(deltaH < logTarget)) {
                break;
            }
            eps = direction == 1 ? 2 * eps : 0.5 * eps;
            if (eps > 1e7) {
                throw new ArithmeticException(
                        "the step size search exceeded 1e7: the posterior may be improper (check that"
                                + " every parameter has a proper prior)");
            }
            if (eps == 0) {
                throw new ArithmeticException(
                        "no acceptably small step size exists: the log density or its gradient is"
                                + " not finite near the initial point");
            }
        }
        return eps;
    }
}
