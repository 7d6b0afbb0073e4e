package dev.credence.models.posteriordb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ODE solver: states and sensitivities against a closed form, the Lotka-Volterra sensitivities
 * against finite differences of the solver itself, and gradients through {@link Ode#solve}.
 */
class OdeTest {
    private static final Backend B = Backends.discover().select("jvm");

    /** {@code z' = -a z + b}: {@code z(t) = b/a + (z0 - b/a) e^{-at}}. */
    static final OdeSystem RELAXATION =
            new OdeSystem() {
                @Override
                public int dimension() {
                    return 1;
                }

                @Override
                public int parameters() {
                    return 2;
                }

                @Override
                public void derivative(double t, double[] z, double[] p, double[] dz) {
                    dz[0] = -p[0] * z[0] + p[1];
                }

                @Override
                public void jacobian(
                        double t, double[] z, double[] p, double[] dfdz, double[] dfdp) {
                    dfdz[0] = -p[0];
                    dfdp[0] = -z[0];
                    dfdp[1] = 1;
                }
            };

    @Test
    void statesAndSensitivitiesMatchTheClosedForm() {
        double a = 0.7;
        double b = 2.0;
        double z0 = 5.0;
        double[] times = {0.5, 1, 3, 10};
        double[][] sol =
                DormandPrince.solve(
                        RELAXATION,
                        new double[] {z0},
                        new double[] {a, b},
                        0,
                        times,
                        1e-10,
                        1e-10,
                        10_000);
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            double e = Math.exp(-a * t);
            double z = b / a + (z0 - b / a) * e;
            double dzda = -b / (a * a) * (1 - e) - (z0 - b / a) * t * e;
            double dzdb = (1 - e) / a;
            assertEquals(z, sol[i][0], 1e-8, "z at " + t);
            assertEquals(dzda, sol[i][1], 1e-7, "dz/da at " + t);
            assertEquals(dzdb, sol[i][2], 1e-7, "dz/db at " + t);
            assertEquals(e, sol[i][3], 1e-8, "dz/dz0 at " + t);
        }
    }

    @Test
    void lotkaVolterraSensitivitiesMatchFiniteDifferences() {
        double[] theta = {0.55, 0.028, 0.8, 0.024};
        double[] z0 = {33, 6};
        double[] times = {1, 5, 10, 20};
        double[][] sol =
                DormandPrince.solve(
                        LotkaVolterra.DYNAMICS, z0, theta, 0, times, 1e-10, 1e-10, 100_000);
        double[] all = {theta[0], theta[1], theta[2], theta[3], z0[0], z0[1]};
        for (int k = 0; k < all.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(all[k]));
            double[][] plus = perturbed(all, k, h, times);
            double[][] minus = perturbed(all, k, -h, times);
            for (int i = 0; i < times.length; i++) {
                for (int s = 0; s < 2; s++) {
                    double fd = (plus[i][s] - minus[i][s]) / (2 * h);
                    double got = sol[i][2 + s * 6 + k];
                    assertEquals(
                            fd,
                            got,
                            1e-4 * Math.max(1, Math.abs(fd)),
                            "dz_" + s + "(" + times[i] + ")/dp_" + k);
                }
            }
        }
    }

    private static double[][] perturbed(double[] all, int k, double h, double[] times) {
        double[] p = all.clone();
        p[k] += h;
        return DormandPrince.solve(
                LotkaVolterra.DYNAMICS,
                new double[] {p[4], p[5]},
                new double[] {p[0], p[1], p[2], p[3]},
                0,
                times,
                1e-11,
                1e-11,
                100_000);
    }

    @Test
    void gradientsFlowThroughTheSolution() {
        Tensor z0 = Tensor.of(B, new double[] {5});
        Tensor p = Tensor.of(B, new double[] {0.7, 2.0});
        double[] times = {1, 3};
        Autodiff.ValueAndGrad r =
                Autodiff.valueAndGrad(
                        xs ->
                                Ode.solve(
                                                RELAXATION,
                                                xs.get(0),
                                                xs.get(1),
                                                0,
                                                times,
                                                1e-10,
                                                1e-10,
                                                1000)
                                        .sum(),
                        List.of(z0, p));
        double a = 0.7;
        double b = 2.0;
        double value = 0;
        double dz0 = 0;
        double db = 0;
        for (double t : times) {
            double e = Math.exp(-a * t);
            value += b / a + (5 - b / a) * e;
            dz0 += e;
            db += (1 - e) / a;
        }
        assertEquals(value, r.value().item(), 1e-8);
        assertEquals(dz0, r.grads().get(0).item(), 1e-7);
        assertEquals(db, r.grads().get(1).toDoubleArray()[1], 1e-7);
    }

    @Test
    void aSolveThatCannotFinishIsNaNAndBadArgumentsAreClearErrors() {
        assertNull(
                DormandPrince.solve(
                        LotkaVolterra.DYNAMICS,
                        new double[] {33, 6},
                        new double[] {0.55, 0.028, 0.8, 0.024},
                        0,
                        new double[] {20},
                        1e-10,
                        1e-10,
                        5));
        Tensor z =
                Ode.solve(
                        LotkaVolterra.DYNAMICS,
                        Tensor.of(B, new double[] {33, 6}),
                        Tensor.of(B, new double[] {0.55, 0.028, 0.8, 0.024}),
                        0,
                        new double[] {20},
                        1e-10,
                        1e-10,
                        5);
        assertTrue(Double.isNaN(z.toDoubleArray()[0]));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Ode.solve(
                                        RELAXATION,
                                        Tensor.of(B, new double[] {1}),
                                        Tensor.of(B, new double[] {1, 1}),
                                        0,
                                        new double[] {2, 1},
                                        1e-6,
                                        1e-6,
                                        100));
        assertTrue(e.getMessage().contains("increase"), e.getMessage());
    }
}
