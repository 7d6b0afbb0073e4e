package dev.credence.inference.hmc;

/**
 * The leapfrog (Störmer-Verlet) integrator for Hamiltonian dynamics: a half step of momentum, a
 * full step of position, a half step of momentum. It is symplectic and time-reversible, so its
 * energy error stays bounded and shrinks as the square of the step size (Neal 2011, "MCMC using
 * Hamiltonian dynamics", section 2.3).
 */
final class Leapfrog {
    private Leapfrog() {}

    /**
     * Advances {@code z} by one step of size {@code eps} (negative to go back in time).
     *
     * @param z the point, updated in place (the gradient is re-evaluated)
     * @param eps the signed step size
     * @param metric the metric
     * @param f the log density
     * @param scratch a work array of length d
     */
    static void step(PhasePoint z, double eps, Metric metric, LogDensity f, double[] scratch) {
        int d = z.q.length;
        double half = 0.5 * eps;
        for (int i = 0; i < d; i++) {
            z.p[i] += half * z.grad[i];
        }
        metric.velocity(z.p, scratch);
        for (int i = 0; i < d; i++) {
            z.q[i] += eps * scratch[i];
        }
        z.evaluate(f);
        for (int i = 0; i < d; i++) {
            z.p[i] += half * z.grad[i];
        }
    }
}
