package dev.credence.api.model;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.assertClose;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.DistTesting;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stan's modelling idioms without subclassing {@code Distribution}: flat priors on any continuous
 * support ({@link ImproperUniform}), bounds that are functions of other parameters, ordered
 * vectors, and {@code target +=} ({@link ModelContext#factor}).
 */
class FlatPriorTest {

    static Stream<Arguments> supports() {
        return Stream.of(
                Arguments.of(Constraints.real(), new int[] {3}, Shape.of(3), Shape.scalar()),
                Arguments.of(Constraints.positive(), new int[] {}, Shape.scalar(), Shape.scalar()),
                Arguments.of(
                        Constraints.unitInterval(), new int[] {2}, Shape.of(2), Shape.scalar()),
                Arguments.of(Constraints.ordered(), new int[] {4}, Shape.scalar(), Shape.of(4)),
                Arguments.of(
                        Constraints.positiveOrdered(), new int[] {2, 3}, Shape.of(2), Shape.of(3)),
                Arguments.of(Constraints.simplex(), new int[] {3}, Shape.scalar(), Shape.of(3)),
                Arguments.of(
                        Constraints.interval(vec(-1, 0), vec(1, 5)),
                        new int[] {2},
                        Shape.of(2),
                        Shape.scalar()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supports")
    void initialPointsLieInTheSupportAndTheDensityIsFlat(
            Constraint support, int[] shape, Shape batch, Shape event) {
        ImproperUniform d = ImproperUniform.of(B, support, shape);
        assertEquals(batch, d.batchShape(), "batch shape");
        assertEquals(event, d.eventShape(), "event shape");
        for (int seed = 0; seed < 5; seed++) {
            Tensor x = d.sample(RandomKey.of(seed));
            assertEquals(d.shape(), x.shape());
            assertTrue(
                    Arrays.stream(support.check(x).toIntArray()).allMatch(v -> v == 1),
                    support.describe() + " holds for " + x);
            Tensor lp = d.logProb(x);
            assertEquals(batch, lp.shape());
            assertTrue(Arrays.stream(lp.toDoubleArray()).allMatch(v -> v == 0), "flat: " + lp);
        }
        Tensor many = d.sample(RandomKey.of(9), 7);
        assertEquals(7, many.dim(0));
        assertEquals(Shape.of(7).size() * batch.size(), d.logProb(many).size());
    }

    @Test
    void valuesOutsideTheSupportAndBadShapesAreClearErrors() {
        ImproperUniform pos = ImproperUniform.of(B, Constraints.positive(), 2);
        IllegalArgumentException out =
                assertThrows(IllegalArgumentException.class, () -> pos.logProb(vec(1, -2)));
        assertTrue(out.getMessage().contains("-2.0"), out.getMessage());
        IllegalArgumentException shape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImproperUniform.of(B, Constraints.ordered()));
        assertTrue(shape.getMessage().contains("event axes"), shape.getMessage());
        IllegalArgumentException discrete =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImproperUniform.of(B, Constraints.nonNegativeInteger()));
        assertTrue(discrete.getMessage().contains("discrete"), discrete.getMessage());
        assertEquals(Shape.of(4, 2), pos.expand(4, 2).batchShape());
    }

    @Test
    void orderedVectorsAreChecked() {
        assertArrayEquals(
                new int[] {1, 0, 0},
                Constraints.ordered()
                        .check(Tensor.of(B, new double[] {-1, 2, 3, 1, 1, 2, 3, 2, 1}, 3, 3))
                        .toIntArray());
        assertArrayEquals(
                new int[] {0, 1},
                Constraints.positiveOrdered()
                        .check(Tensor.of(B, new double[] {-1, 2, 0.5, 2}, 2, 2))
                        .toIntArray());
    }

    /** {@code real<lower=0, upper=1> a; real<lower=0, upper=1 - a> b;} with no statements. */
    static final Model TRIANGLE =
            ctx -> {
                Tensor a = ctx.sample("a", ImproperUniform.of(B, Constraints.unitInterval()));
                Tensor upper = a.neg().add(1);
                ctx.sample(
                        "b",
                        new ImproperUniform(Constraints.interval(upper.zerosLike(), upper), upper));
            };

    @Test
    void boundsThatDependOnAnotherParameterFollowItsValue() {
        Potential pot = Potential.of(TRIANGLE, RandomKey.of(1));
        for (double[] u : new double[][] {{0.3, -0.4}, {-2.5, 1.5}, {1.8, 0.1}}) {
            double a = sigmoid(u[0]);
            double s = sigmoid(u[1]);
            // Both flat; the density is the Jacobian: a = sigmoid(u0), b = (1 - a) sigmoid(u1).
            double expected =
                    Math.log(a) + Math.log1p(-a) + Math.log(1 - a) + Math.log(s) + Math.log1p(-s);
            assertClose(expected, pot.logDensity(vec(u)).item(), 1e-12, 1e-14, "log density");
            double b = pot.constrain(vec(u)).get("b").item();
            assertClose((1 - a) * s, b, 1e-14, 0, "b");
            DistTesting.assertGradientsMatch(
                    xs -> pot.logDensity(xs.get(0)), List.of(vec(u)), List.of("u"), 1e-6, "grad");
        }
        CompiledPotential cp = CompiledPotential.of(pot, RandomKey.of(2));
        assertTrue(cp.isCompiled(), cp.reason());
    }

    @Test
    void factorAddsItsTermToTheJointAndInsidePlatesIsWeighted() {
        Model m =
                ctx -> {
                    Tensor mu = ctx.sample("mu", ImproperUniform.of(B, Constraints.ordered(), 2));
                    ctx.factor("prior", Normal.of(B, 0, 2).logProb(mu).sum());
                    try (Plate p = ctx.plate("data", 10, 5)) {
                        ctx.factor("per_point", mu.sum().mul(vec(1, 1, 1, 1, 1)));
                    }
                };
        Trace t = Handlers.trace(Handlers.seed(m, RandomKey.of(3)));
        double[] mu = t.get("mu").value().toDoubleArray();
        double expected =
                HandlersTest.normal(mu[0], 0, 2)
                        + HandlersTest.normal(mu[1], 0, 2)
                        + 10 * (mu[0] + mu[1]);
        assertClose(expected, t.logJoint().item(), 1e-12, 1e-12, "log joint");
        assertEquals(SiteKind.OBSERVE, t.get("prior").kind());
    }

    @Test
    void factorOnAnOrderedFlatPriorIsTheRestrictedNormal() {
        Model m =
                ctx -> {
                    Tensor mu = ctx.sample("mu", ImproperUniform.of(B, Constraints.ordered(), 2));
                    ctx.factor("prior", Normal.of(B, 0, 2).logProb(mu).sum());
                };
        Potential pot = Potential.of(m, RandomKey.of(4));
        double u0 = 0.7;
        double u1 = -0.3;
        double m0 = u0;
        double m1 = u0 + Math.exp(u1);
        double expected =
                HandlersTest.normal(m0, 0, 2) + HandlersTest.normal(m1, 0, 2) + u1; // Jacobian
        assertClose(expected, pot.logDensity(vec(u0, u1)).item(), 1e-12, 0, "ordered + factor");
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
