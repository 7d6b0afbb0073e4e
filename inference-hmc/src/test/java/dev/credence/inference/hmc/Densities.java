package dev.credence.inference.hmc;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import java.util.Optional;

/** Hand-written log densities with known answers, for testing the samplers in isolation. */
final class Densities {
    /** The backend a dense metric factorises on. */
    static final Backend JVM = Backends.discover().select("jvm");

    private Densities() {}

    /** Independent normals with the given means and standard deviations. */
    static LogDensity normal(double[] mean, double[] sd) {
        return new LogDensity() {
            @Override
            public int dimension() {
                return mean.length;
            }

            @Override
            public double logDensity(double[] q, double[] grad) {
                double lp = 0;
                for (int i = 0; i < q.length; i++) {
                    double z = (q[i] - mean[i]) / sd[i];
                    lp -= 0.5 * z * z;
                    grad[i] = -z / sd[i];
                }
                return lp;
            }
        };
    }

    /** A zero-mean bivariate normal with unit variances and correlation {@code r}. */
    static LogDensity correlated(double r) {
        double det = 1 - r * r;
        return new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensity(double[] q, double[] grad) {
                double a = q[0];
                double b = q[1];
                grad[0] = -(a - r * b) / det;
                grad[1] = -(b - r * a) / det;
                return -0.5 * (a * a - 2 * r * a * b + b * b) / det;
            }

            @Override
            public Optional<Backend> backend() {
                return Optional.of(JVM);
            }
        };
    }

    /**
     * Neal's funnel in its centred form: {@code v ~ N(0, 3)}, {@code x_i ~ N(0, exp(v/2))}, for i =
     * 1..d-1. Its neck defeats a single step size, so NUTS must report divergences.
     */
    static LogDensity funnel(int d) {
        return new LogDensity() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double logDensity(double[] q, double[] grad) {
                double v = q[0];
                double lp = -v * v / 18;
                grad[0] = -v / 9;
                double prec = Math.exp(-v);
                for (int i = 1; i < d; i++) {
                    lp += -0.5 * q[i] * q[i] * prec - 0.5 * v;
                    grad[i] = -q[i] * prec;
                    grad[0] += 0.5 * q[i] * q[i] * prec - 0.5;
                }
                return lp;
            }
        };
    }
}
