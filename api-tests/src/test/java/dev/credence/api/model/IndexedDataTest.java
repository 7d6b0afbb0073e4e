package dev.credence.api.model;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.assertClose;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.dist.DistTesting;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.Poisson;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Integer data in models: an INT32 index array selects each observation's group coefficient (Stan's
 * {@code alpha[group]}, here {@code alpha.gather(0, group)}), and INT32 counts are observed
 * directly. The potential matches a hand-written loop, its gradient matches finite differences, and
 * the recorded potential replays it.
 */
class IndexedDataTest {
    static final int[] GROUP = {0, 2, 1, 2, 2, 0};
    static final double[] Y = {0.3, 1.9, -0.4, 2.2, 1.7, 0.1};
    static final int[] COUNTS = {1, 7, 0, 5, 9, 2};

    static final Model MODEL =
            ctx -> {
                Tensor alpha = ctx.sample("alpha", Normal.of(B, 0, 1).expand(3));
                Tensor sigma = ctx.sample("sigma", HalfNormal.of(B, 1));
                Tensor group = Tensor.ofInts(B, GROUP);
                Tensor perPoint = alpha.gather(0, group);
                ctx.observe("y", new Normal(perPoint, sigma), vec(Y));
                ctx.observe("k", new Poisson(perPoint.exp()), Tensor.ofInts(B, COUNTS));
            };

    static double handWritten(double[] u) {
        double sigma = Math.exp(u[3]);
        double lp = Math.log(2) + HandlersTest.normal(sigma, 0, 1) + u[3];
        for (int j = 0; j < 3; j++) {
            lp += HandlersTest.normal(u[j], 0, 1);
        }
        for (int i = 0; i < Y.length; i++) {
            double a = u[GROUP[i]];
            lp += HandlersTest.normal(Y[i], a, sigma);
            double logFactorial = 0;
            for (int c = 2; c <= COUNTS[i]; c++) {
                logFactorial += Math.log(c);
            }
            lp += COUNTS[i] * a - Math.exp(a) - logFactorial;
        }
        return lp;
    }

    @Test
    void gatherByAnIndexArrayMatchesALoop() {
        Potential pot = Potential.of(MODEL, RandomKey.of(1));
        assertEquals(4, pot.dimension());
        double[] u = {0.2, -0.5, 1.1, -0.3};
        assertClose(handWritten(u), pot.logDensity(vec(u)).item(), 1e-12, 1e-14, "density");
        DistTesting.assertGradientsMatch(
                xs -> pot.logDensity(xs.get(0)), List.of(vec(u)), List.of("u"), 1e-6, "gradient");
    }

    @Test
    void theRecordedPotentialReplaysIndexedModels() {
        Potential pot = Potential.of(MODEL, RandomKey.of(1));
        CompiledPotential cp = CompiledPotential.of(pot, RandomKey.of(2));
        assertTrue(cp.isCompiled(), cp.reason());
        double[] u = {-0.7, 0.4, 0.9, 0.2};
        double[] g = new double[4];
        double v = cp.valueAndGradient(u, g);
        Potential.ValueAndGradient direct = pot.valueAndGradient(vec(u));
        assertEquals(direct.value(), v);
        assertArrayEquals(direct.gradient().toDoubleArray(), g);
    }
}
