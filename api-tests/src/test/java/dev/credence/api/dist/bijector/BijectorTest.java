package dev.credence.api.dist.bijector;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.assertClose;
import static dev.credence.api.dist.DistTesting.assertGradientsMatch;
import static dev.credence.api.dist.DistTesting.logAbsDet;
import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.tensor;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Bound;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bijector: round trips, outputs inside the codomain, the log-determinant against the
 * log-determinant of a finite-difference Jacobian, and the log-determinant's gradient against
 * finite differences.
 */
class BijectorTest {

    /** The coordinates of an output that the map's Jacobian is taken with respect to. */
    private static final Function<Tensor, double[]> ALL = Tensor::toDoubleArray;

    static Stream<Arguments> cases() {
        Function<Tensor, double[]> headOfSimplex =
                y -> Arrays.copyOf(y.toDoubleArray(), y.size() - 1);
        Function<Tensor, double[]> strictLower =
                y -> Indexing.trilToVec(y, y.dim(-1), true).toDoubleArray();
        Function<Tensor, double[]> lower =
                y -> Indexing.trilToVec(y, y.dim(-1), false).toDoubleArray();
        return Stream.of(
                c("Exp", ExpBijector::new, vec(-1.5, 0.2, 3), ALL),
                c("Softplus", SoftplusBijector::new, vec(-4, 0.3, 25), ALL),
                c("Sigmoid", SigmoidBijector::new, vec(-3, 0, 2.5), ALL),
                c(
                        "Affine",
                        () -> new AffineBijector(vec(1, 2, 3), vec(2, -0.5, 3)),
                        vec(0.1, -1, 2),
                        ALL),
                c(
                        "Affine event 1",
                        () -> new AffineBijector(scalar(1), vec(2, -0.5, 3), 1),
                        vec(0.1, -1, 2),
                        ALL),
                c(
                        "Interval",
                        () -> new IntervalBijector(Bound.of(-1), Bound.of(3)),
                        vec(-2, 0.1, 4),
                        ALL),
                c(
                        "Interval tensor bounds",
                        () -> new IntervalBijector(Bound.of(vec(-1, 0)), Bound.of(vec(3, 0.5))),
                        vec(-2, 0.7),
                        ALL),
                c("LowerBound", () -> new LowerBoundBijector(Bound.of(2)), vec(-1, 0.5), ALL),
                c("StickBreaking", StickBreakingBijector::new, vec(0.3, -1.2, 0.5), headOfSimplex),
                c("Ordered", () -> new OrderedBijector(false), vec(-0.7, 0.3, -1.2, 0.5), ALL),
                c("PositiveOrdered", () -> new OrderedBijector(true), vec(-0.7, 0.3, -1.2), ALL),
                c("Ordered K=1", () -> new OrderedBijector(false), vec(-0.7), ALL),
                c(
                        "CorrCholesky",
                        CorrCholeskyBijector::new,
                        vec(0.3, -1.2, 0.5, 2.0, -0.1, 0.7),
                        strictLower),
                c(
                        "LowerCholesky",
                        LowerCholeskyBijector::new,
                        vec(0.3, -1.2, 0.5, 2.0, -0.1, 0.7),
                        lower),
                c(
                        "Compose(Exp, Affine)",
                        () ->
                                new ComposeBijector(
                                        List.of(
                                                new ExpBijector(),
                                                new AffineBijector(scalar(1), scalar(2)))),
                        vec(-0.5, 1.5),
                        ALL),
                c(
                        "Compose(Affine, StickBreaking)",
                        () ->
                                new AffineBijector(scalar(0.5), vec(2, 1, 0.5))
                                        .then(new StickBreakingBijector()),
                        vec(0.3, -1.2, 0.5),
                        headOfSimplex),
                c("Inverse(Exp)", () -> new ExpBijector().inv(), vec(0.5, 2), ALL),
                c(
                        "Inverse(Sigmoid)",
                        () -> new InverseBijector(new SigmoidBijector()),
                        vec(0.1, 0.5, 0.97),
                        ALL),
                c(
                        "Independent(Exp, 1)",
                        () -> new IndependentBijector(new ExpBijector(), 1),
                        vec(-1, 2),
                        ALL),
                c("Identity", () -> new IdentityBijector(1), vec(1, 2), ALL));
    }

    private static Arguments c(
            String name, Supplier<Bijector> b, Tensor x, Function<Tensor, double[]> free) {
        return Arguments.of(name, b, x, free);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTripsAndStaysInCodomain(
            String name, Supplier<Bijector> make, Tensor x, Function<Tensor, double[]> free) {
        Bijector b = make.get();
        Tensor y = b.forward(x);
        assertEquals(b.forwardShape(x.shape()), y.shape(), name + " forward shape");
        assertEquals(x.shape(), b.inverseShape(y.shape()), name + " inverse shape");
        assertClose(
                x.toDoubleArray(),
                b.inverse(y).toDoubleArray(),
                1e-9,
                1e-11,
                name + " inverse(forward(x))");
        assertClose(
                y.toDoubleArray(),
                b.forward(b.inverse(y)).toDoubleArray(),
                1e-9,
                1e-11,
                name + " forward(inverse(y))");
        assertTrue(
                Arrays.stream(b.codomain().check(y).toIntArray()).allMatch(v -> v == 1),
                name + " codomain");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logDetMatchesFiniteDifferenceJacobian(
            String name, Supplier<Bijector> make, Tensor x, Function<Tensor, double[]> free) {
        Bijector b = make.get();
        double[] x0 = x.toDoubleArray();
        int n = x0.length;
        double[][] jac = new double[n][n];
        for (int j = 0; j < n; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(x0[j]));
            double[] plus = x0.clone();
            double[] minus = x0.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] fp = free.apply(b.forward(tensor(plus, x.shape().dims())));
            double[] fm = free.apply(b.forward(tensor(minus, x.shape().dims())));
            for (int i = 0; i < n; i++) {
                jac[i][j] = (fp[i] - fm[i]) / (2 * h);
            }
        }
        double ldj = b.logAbsDetJacobian(x, b.forward(x)).sum().item();
        assertClose(logAbsDet(jac), ldj, 1e-7, 1e-8, name + " log|det J|");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logDetGradientMatchesFiniteDifferences(
            String name, Supplier<Bijector> make, Tensor x, Function<Tensor, double[]> free) {
        Bijector b = make.get();
        assertGradientsMatch(
                xs -> b.logAbsDetJacobian(xs.get(0), b.forward(xs.get(0))).sum(),
                List.of(x),
                List.of("x"),
                1e-6,
                name);
        assertGradientsMatch(
                xs -> b.forward(xs.get(0)).square().sum(),
                List.of(x),
                List.of("x"),
                1e-6,
                name + " forward");
    }

    @Test
    void batchesAreMappedIndependently() {
        CorrCholeskyBijector b = new CorrCholeskyBijector();
        Tensor x = Tensor.of(B, new double[] {0.3, -1.2, 0.5, 2.0, -0.1, 0.7}, 2, 3);
        Tensor y = b.forward(x);
        assertEquals(Shape.of(2, 3, 3), y.shape());
        Tensor ldj = b.logAbsDetJacobian(x, y);
        assertEquals(Shape.of(2), ldj.shape());
        for (int i = 0; i < 2; i++) {
            Tensor xi = x.get(i);
            assertClose(
                    b.logAbsDetJacobian(xi, b.forward(xi)).item(),
                    ldj.toDoubleArray()[i],
                    1e-14,
                    0,
                    "row " + i);
            assertClose(
                    b.forward(xi).toDoubleArray(), y.get(i).toDoubleArray(), 1e-15, 0, "row " + i);
        }
    }

    @Test
    void stickBreakingMapsZeroToTheCentreAndSaturatesSafely() {
        StickBreakingBijector b = new StickBreakingBijector();
        assertClose(
                new double[] {0.25, 0.25, 0.25, 0.25},
                b.forward(vec(0, 0, 0)).toDoubleArray(),
                1e-15,
                0,
                "centre");
        Tensor far = vec(800, -800);
        double[] y = b.forward(far).toDoubleArray();
        assertTrue(Arrays.stream(y).allMatch(Double::isFinite));
        assertTrue(Double.isFinite(b.logAbsDetJacobian(far, b.forward(far)).item()));
    }

    @Test
    void corrCholeskyStaysFiniteForLargeInputs() {
        CorrCholeskyBijector b = new CorrCholeskyBijector();
        Tensor x = vec(40, -60, 35);
        Tensor ldj = b.logAbsDetJacobian(x, b.forward(x));
        assertTrue(Double.isFinite(ldj.item()), "log|det J| = " + ldj.item());
        Tensor g = Autodiff.grad(v -> b.logAbsDetJacobian(v, b.forward(v)).sum(), x);
        assertTrue(Arrays.stream(g.toDoubleArray()).allMatch(Double::isFinite));
    }

    @Test
    void inverseNegatesTheLogDet() {
        StickBreakingBijector b = new StickBreakingBijector();
        Tensor x = vec(0.3, -1.2, 0.5);
        Tensor y = b.forward(x);
        assertArrayEquals(
                b.logAbsDetJacobian(x, y).neg().toDoubleArray(),
                b.inv().logAbsDetJacobian(y, x).toDoubleArray(),
                0);
        assertEquals(b.codomain().describe(), b.inv().domain().describe());
    }

    @Test
    void composeWorksOutEventDims() {
        ComposeBijector c =
                new ComposeBijector(
                        List.of(
                                new AffineBijector(scalar(0), scalar(2)),
                                new CorrCholeskyBijector(),
                                new ExpBijector()));
        assertEquals(1, c.domainEventDim());
        assertEquals(2, c.codomainEventDim());
        Tensor x = Tensor.of(B, new double[] {0.1, 0.2, 0.3, -0.1, 0, 0.4}, 2, 3);
        assertEquals(Shape.of(2), c.logAbsDetJacobian(x, c.forward(x)).shape());
    }
}
