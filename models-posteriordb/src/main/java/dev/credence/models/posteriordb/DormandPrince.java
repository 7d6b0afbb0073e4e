package dev.credence.models.posteriordb;

/**
 * The Dormand-Prince 5(4) Runge-Kutta method with adaptive steps (Dormand and Prince, "A family of
 * embedded Runge-Kutta formulae", 1980; the step control of Hairer, Norsett and Wanner, "Solving
 * Ordinary Differential Equations I", section II.4), the method of Stan's {@code
 * integrate_ode_rk45}, applied to an {@link OdeSystem} augmented with its forward sensitivities:
 *
 * <pre>
 * z' = f(t, z, theta),      S' = (df/dz) S + [df/dtheta, 0],     S(t0) = [0, I],
 * </pre>
 *
 * where {@code S = dz/d(theta, z0)} is {@code d x (P + d)}. The local error is controlled on the
 * states and the sensitivities together. Steps are shortened to land exactly on each output time.
 */
final class DormandPrince {
    // Butcher tableau (Hairer-Norsett-Wanner, table II.5.2).
    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}
    };
    // Fifth-order weights (the last row of A) minus the fourth-order ones: the error estimate.
    private static final double[] E = {
        71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40
    };

    private final OdeSystem system;
    private final double[] theta;
    private final int d;
    private final int p;
    private final int n;
    private final double[] dfdz;
    private final double[] dfdtheta;
    private final double[] z;
    private final double[] dz;

    private DormandPrince(OdeSystem system, double[] theta) {
        this.system = system;
        this.theta = theta;
        this.d = system.dimension();
        this.p = system.parameters();
        this.n = d + d * (p + d);
        this.dfdz = new double[d * d];
        this.dfdtheta = new double[d * p];
        this.z = new double[d];
        this.dz = new double[d];
    }

    /**
     * Solves the system with sensitivities at increasing output times.
     *
     * @param system the system
     * @param z0 the initial state at {@code t0}
     * @param theta the parameters
     * @param t0 the initial time
     * @param times output times, strictly increasing, all after {@code t0}
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @param maxSteps the most steps between two output times
     * @return per output time, the state then the row-major {@code d x (P + d)} sensitivities; null
     *     if a step limit was reached or the solution stopped being finite
     */
    static double[][] solve(
            OdeSystem system,
            double[] z0,
            double[] theta,
            double t0,
            double[] times,
            double rtol,
            double atol,
            int maxSteps) {
        return new DormandPrince(system, theta).run(z0, t0, times, rtol, atol, maxSteps);
    }

    private double[][] run(
            double[] z0, double t0, double[] times, double rtol, double atol, int maxSteps) {
        double[] y = new double[n];
        System.arraycopy(z0, 0, y, 0, d);
        for (int i = 0; i < d; i++) {
            y[d + i * (p + d) + p + i] = 1; // dz_i(t0)/dz0_i
        }
        double[][] k = new double[7][n];
        double[] stage = new double[n];
        double[] next = new double[n];
        double[] err = new double[n];
        double[][] out = new double[times.length][];
        double t = t0;
        double h = initialStep(y, t, times[times.length - 1] - t0, rtol, atol, k[0]);
        boolean firstSameAsLast = false;
        for (int o = 0; o < times.length; o++) {
            int steps = 0;
            while (t < times[o]) {
                if (++steps > maxSteps || !(h > 0)) {
                    return null;
                }
                boolean landing = t + h >= times[o];
                double step = landing ? times[o] - t : h;
                if (!firstSameAsLast) {
                    augmented(t, y, k[0]);
                }
                for (int s = 1; s < 7; s++) {
                    for (int i = 0; i < n; i++) {
                        double acc = y[i];
                        for (int j = 0; j < s; j++) {
                            acc += step * A[s][j] * k[j][i];
                        }
                        stage[i] = acc;
                    }
                    augmented(t + C[s] * step, stage, k[s]);
                }
                // The seventh stage is evaluated at the fifth-order solution: it is `next`.
                System.arraycopy(stage, 0, next, 0, n);
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    double e = 0;
                    for (int j = 0; j < 7; j++) {
                        e += E[j] * k[j][i];
                    }
                    err[i] = step * e;
                    double scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(next[i]));
                    norm += (err[i] / scale) * (err[i] / scale);
                }
                norm = Math.sqrt(norm / n);
                if (!Double.isFinite(norm)) {
                    return null;
                }
                double factor = norm == 0 ? 5 : 0.9 * Math.pow(norm, -0.2);
                factor = Math.min(5, Math.max(0.2, factor));
                if (norm <= 1) {
                    t = landing ? times[o] : t + step;
                    System.arraycopy(next, 0, y, 0, n);
                    double[] swap = k[0];
                    k[0] = k[6];
                    k[6] = swap;
                    firstSameAsLast = true;
                    h = landing ? Math.max(h, step * factor) : step * factor;
                } else {
                    firstSameAsLast = true; // y unchanged, so k[0] = f(t, y) still holds
                    h = step * factor;
                }
            }
            out[o] = y.clone();
        }
        return out;
    }

    /** A starting step from the scale of the solution and its derivative (HNW II.4, simplified). */
    private double initialStep(
            double[] y, double t, double span, double rtol, double atol, double[] f0) {
        augmented(t, y, f0);
        double dy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double scale = atol + rtol * Math.abs(y[i]);
            dy += (f0[i] / scale) * (f0[i] / scale);
            yy += (y[i] / scale) * (y[i] / scale);
        }
        double h = (dy < 1e-10 || yy < 1e-10) ? 1e-6 : 0.01 * Math.sqrt(yy / dy);
        return Math.min(h, span);
    }

    /** The augmented right-hand side: f, then (df/dz) S + [df/dtheta, 0]. */
    private void augmented(double t, double[] y, double[] out) {
        System.arraycopy(y, 0, z, 0, d);
        system.derivative(t, z, theta, dz);
        system.jacobian(t, z, theta, dfdz, dfdtheta);
        System.arraycopy(dz, 0, out, 0, d);
        int cols = p + d;
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < cols; c++) {
                double acc = c < p ? dfdtheta[i * p + c] : 0;
                for (int j = 0; j < d; j++) {
                    acc += dfdz[i * d + j] * y[d + j * cols + c];
                }
                out[d + i * cols + c] = acc;
            }
        }
    }
}
