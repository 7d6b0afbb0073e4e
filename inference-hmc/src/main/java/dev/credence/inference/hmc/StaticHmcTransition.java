package dev.credence.inference.hmc;

import java.util.SplittableRandom;

/**
 * Hamiltonian Monte Carlo with a fixed mean integration time (Neal 2011): {@code L = max(1, round(u
 * T/eps))} leapfrog steps with {@code u} uniform on [0.5, 1.5), then a Metropolis accept/reject of
 * the end point. The jitter of the path length is Neal's remedy (section 5.4.2) for trajectories
 * that resonate with the target: with an adapted metric a Gaussian's period is exactly {@code 2
 * pi}, Stan's default time, and unjittered chains would barely move. A divergent or non-finite
 * trajectory is rejected and flagged.
 */
final class StaticHmcTransition implements Transition {
    private final double integrationTime;

    StaticHmcTransition(double integrationTime) {
        if (!(integrationTime > 0)) {
            throw new IllegalArgumentException(
                    "integration time must be positive, found " + integrationTime);
        }
        this.integrationTime = integrationTime;
    }

    @Override
    public TransitionStats next(
            PhasePoint z, double eps, Metric metric, LogDensity f, SplittableRandom rng) {
        int d = z.q.length;
        metric.sampleMomentum(rng, z.p);
        double h0 = z.hamiltonian(metric);
        PhasePoint end = new PhasePoint(d);
        end.copyFrom(z);
        double[] scratch = new double[d];
        double jitter = 0.5 + rng.nextDouble();
        int steps = (int) Math.max(1, Math.round(jitter * integrationTime / eps));
        boolean divergent = false;
        for (int s = 0; s < steps; s++) {
            Leapfrog.step(end, eps, metric, f, scratch);
            if (end.hamiltonian(metric) - h0 > 1000) {
                divergent = true;
                break;
            }
        }
        double h = end.hamiltonian(metric);
        double accept = divergent ? 0 : Math.min(1, Math.exp(h0 - h));
        if (!divergent && rng.nextDouble() < accept) {
            z.copyFrom(end);
        }
        return new TransitionStats(
                accept, eps, 0, steps, divergent, z.hamiltonian(metric), z.logDensity);
    }
}
