package dev.credence.api.model.examples;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Potential;
import dev.credence.api.model.SiteKind;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped example models: structure, and the non-centred eight schools against a formula. */
class ExampleModelsTest {

    static double normal(double x, double m, double s) {
        double z = (x - m) / s;
        return -0.5 * z * z - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
    }

    @Test
    void eightSchoolsCentredHasTenLatentCoordinates() {
        Trace t = Handlers.trace(Handlers.seed(EightSchools.centered(B), RandomKey.of(0)));
        assertEquals(Shape.of(8), t.get("theta").value().shape());
        assertEquals(SiteKind.OBSERVE, t.get("obs").kind());
        assertEquals(10, Potential.of(EightSchools.centered(B), RandomKey.of(0)).dimension());
    }

    @Test
    void eightSchoolsNonCentredPotentialMatchesTheFormula() {
        Potential pot = Potential.of(EightSchools.nonCentered(B), RandomKey.of(0));
        assertEquals(10, pot.dimension());
        double[] u = new double[10];
        for (int i = 0; i < 10; i++) {
            u[i] = 0.1 * i - 0.45;
        }
        double[] y = EightSchools.classicEffects();
        double[] sigma = EightSchools.classicStandardErrors();
        double mu = u[0];
        double tau = Math.exp(u[1]);
        double lp =
                normal(mu, 0, 5) + Math.log(2 / (Math.PI * 5)) - Math.log1p(tau * tau / 25) + u[1];
        for (int j = 0; j < 8; j++) {
            double tilde = u[2 + j];
            lp += normal(tilde, 0, 1) + normal(y[j], mu + tau * tilde, sigma[j]);
        }
        assertClose(lp, pot.logDensity(Tensor.of(B, u)).item(), 1e-12, 0, "eight schools");
        Map<String, Tensor> values = pot.constrain(Tensor.of(B, u));
        assertEquals(mu + tau * u[2], values.get("theta").toDoubleArray()[0], 1e-12);
    }

    @Test
    void regressionsSubsampleTheirData() {
        int n = 50;
        int d = 3;
        Tensor x =
                new Normal(
                                Tensor.zeros(B, DType.FLOAT64, n, d),
                                Tensor.ones(B, DType.FLOAT64, n, d))
                        .sample(RandomKey.of(1));
        Tensor y = x.sum(false, 1);
        Tensor labels = y.gt(0).cast(DType.FLOAT64);
        Trace lin = Handlers.trace(Handlers.seed(new LinearRegression(x, y, 10), RandomKey.of(2)));
        assertEquals(5.0, lin.get("y").scale());
        assertEquals(Shape.of(10), lin.get("y").value().shape());
        assertEquals(d + 2, Potential.of(new LinearRegression(x, y), RandomKey.of(3)).dimension());
        Trace log =
                Handlers.trace(
                        Handlers.seed(new LogisticRegression(x, labels, 25), RandomKey.of(2)));
        assertEquals(2.0, log.get("y").scale());
        Potential p = Potential.of(new LogisticRegression(x, labels), RandomKey.of(3));
        assertEquals(d + 1, p.dimension());
        assertTrue(Double.isFinite(p.valueAndGradient(p.initialPoint(RandomKey.of(4))).value()));
    }
}
