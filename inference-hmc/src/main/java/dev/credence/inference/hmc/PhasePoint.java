package dev.credence.inference.hmc;

/**
 * A point of phase space: position, momentum, and the log density and its gradient at the position.
 * Mutable and reused along a trajectory to keep integration allocation-free; {@link #copyFrom}
 * takes a snapshot.
 */
final class PhasePoint {
    final double[] q;
    final double[] p;
    final double[] grad;
    double logDensity;

    PhasePoint(int d) {
        q = new double[d];
        p = new double[d];
        grad = new double[d];
    }

    void copyFrom(PhasePoint o) {
        System.arraycopy(o.q, 0, q, 0, q.length);
        System.arraycopy(o.p, 0, p, 0, p.length);
        System.arraycopy(o.grad, 0, grad, 0, grad.length);
        logDensity = o.logDensity;
    }

    /** Evaluates the density and gradient at the current position. */
    void evaluate(LogDensity f) {
        double v = f.logDensity(q, grad);
        logDensity = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /**
     * The Hamiltonian {@code -log density + kinetic}; +infinity where the density is not finite.
     */
    double hamiltonian(Metric m) {
        double h = -logDensity + m.kinetic(p);
        return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }
}
