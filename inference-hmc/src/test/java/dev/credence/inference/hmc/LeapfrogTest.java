package dev.credence.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The integrator's invariants (as NumPyro's test_hmc_util checks them). */
class LeapfrogTest {
    private final LogDensity f = Densities.normal(new double[] {0, 1}, new double[] {1, 0.5});
    private final Metric m = new Metric.Diagonal(new double[] {1.5, 0.7});

    private double maxEnergyError(double eps, double time) {
        PhasePoint z = new PhasePoint(2);
        z.q[0] = 0.8;
        z.q[1] = 0.3;
        z.p[0] = -0.4;
        z.p[1] = 1.1;
        z.evaluate(f);
        double h0 = z.hamiltonian(m);
        double worst = 0;
        double[] scratch = new double[2];
        for (int s = 0; s < Math.round(time / eps); s++) {
            Leapfrog.step(z, eps, m, f, scratch);
            worst = Math.max(worst, Math.abs(z.hamiltonian(m) - h0));
        }
        return worst;
    }

    @Test
    @DisplayName("the energy error shrinks as the square of the step size")
    void energyErrorIsSecondOrder() {
        double e1 = maxEnergyError(0.1, 5);
        double e2 = maxEnergyError(0.05, 5);
        double e3 = maxEnergyError(0.025, 5);
        assertEquals(4, e1 / e2, 0.4);
        assertEquals(4, e2 / e3, 0.4);
    }

    @Test
    @DisplayName("integrating forward, flipping the momentum and integrating again returns home")
    void reversible() {
        PhasePoint z = new PhasePoint(2);
        z.q[0] = -1.3;
        z.q[1] = 2.2;
        z.p[0] = 0.9;
        z.p[1] = -0.2;
        z.evaluate(f);
        double[] q0 = z.q.clone();
        double[] p0 = z.p.clone();
        double[] scratch = new double[2];
        for (int s = 0; s < 50; s++) {
            Leapfrog.step(z, 0.13, m, f, scratch);
        }
        for (int i = 0; i < 2; i++) {
            z.p[i] = -z.p[i];
        }
        for (int s = 0; s < 50; s++) {
            Leapfrog.step(z, 0.13, m, f, scratch);
        }
        assertArrayEquals(q0, z.q, 1e-12);
        assertArrayEquals(new double[] {-p0[0], -p0[1]}, z.p, 1e-12);
    }
}
