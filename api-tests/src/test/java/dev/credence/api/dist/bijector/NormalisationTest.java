package dev.credence.api.dist.bijector;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.dist.Dirichlet;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.LKJCholesky;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Densities pulled back to the unconstrained space integrate to one: a joint check of a family's
 * normalising constant and of its bijection's log-determinant, by quadrature on a grid (the
 * trapezoid rule converges geometrically for these smooth, exponentially decaying integrands).
 */
class NormalisationTest {

    /** Integrates exp(log p(f(u)) + log|det J_f(u)|) over a cube grid in dim coordinates. */
    private static double integrate(Distribution d, Bijector f, int dim, double half, int steps) {
        double h = 2 * half / (steps - 1);
        int n = (int) Math.pow(steps, dim);
        double[] pts = new double[n * dim];
        for (int k = 0; k < n; k++) {
            int rest = k;
            for (int j = 0; j < dim; j++) {
                pts[k * dim + j] = -half + h * (rest % steps);
                rest /= steps;
            }
        }
        Tensor u = Tensor.of(B, pts, n, dim);
        Tensor y = f.forward(u);
        Tensor density = d.logProb(y).add(f.logAbsDetJacobian(u, y)).exp();
        return density.sum().item() * Math.pow(h, dim);
    }

    @Test
    void dirichletOnStickBreakingCoordinates() {
        double mass =
                integrate(new Dirichlet(vec(2, 3, 1.5)), new StickBreakingBijector(), 2, 14, 300);
        assertEquals(1, mass, 1e-6);
    }

    @Test
    void lkjInTwoDimensionsOnCanonicalPartialCorrelations() {
        double mass =
                integrate(new LKJCholesky(2, scalar(0.8)), new CorrCholeskyBijector(), 1, 30, 3001);
        assertEquals(1, mass, 1e-6);
    }

    @Test
    void lkjInThreeDimensionsOnCanonicalPartialCorrelations() {
        double mass =
                integrate(new LKJCholesky(3, scalar(3)), new CorrCholeskyBijector(), 3, 5, 51);
        assertEquals(1, mass, 1e-4);
    }
}
