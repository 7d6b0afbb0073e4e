package dev.credence.api.dist.bijector;

import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The two registries: what they return per constraint, and how they extend. */
class BijectorRegistryTest {

    static Stream<Arguments> builtins() {
        return Stream.of(
                Arguments.of(Constraints.real(), IdentityBijector.class, vec(-3, 4)),
                Arguments.of(Constraints.positive(), ExpBijector.class, vec(-3, 4)),
                Arguments.of(Constraints.nonNegative(), ExpBijector.class, vec(-3, 4)),
                Arguments.of(Constraints.greaterThan(2), LowerBoundBijector.class, vec(-3, 4)),
                Arguments.of(Constraints.unitInterval(), SigmoidBijector.class, vec(-3, 4)),
                Arguments.of(Constraints.interval(-1, 3), IntervalBijector.class, vec(-3, 4)),
                Arguments.of(
                        Constraints.interval(vec(0, 1), vec(2, 5)),
                        IntervalBijector.class,
                        vec(-3, 4)),
                Arguments.of(Constraints.simplex(), StickBreakingBijector.class, vec(-3, 4)),
                Arguments.of(Constraints.ordered(), OrderedBijector.class, vec(-3, 4, -2)),
                Arguments.of(Constraints.positiveOrdered(), OrderedBijector.class, vec(-3, 4)),
                Arguments.of(
                        Constraints.corrCholesky(), CorrCholeskyBijector.class, vec(-3, 4, 0.5)),
                Arguments.of(
                        Constraints.lowerCholesky(), LowerCholeskyBijector.class, vec(-3, 4, 0.5)),
                Arguments.of(
                        Constraints.independent(Constraints.positive(), 1),
                        IndependentBijector.class,
                        vec(-3, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtins")
    void bijectToReachesTheConstraint(Constraint c, Class<?> type, Tensor x) {
        Bijector b = Bijectors.bijectTo(c);
        assertInstanceOf(type, b);
        Tensor y = b.forward(x);
        assertTrue(
                Arrays.stream(c.check(y).toIntArray()).allMatch(v -> v == 1),
                c + " holds for " + y);
        assertTrue(b.isBijective());
    }

    @Test
    void transformToUsesSoftmaxForTheSimplex() {
        Bijector t = Bijectors.transformTo(Constraints.simplex());
        assertInstanceOf(SoftmaxTransform.class, t);
        assertFalse(t.isBijective());
        Tensor y = t.forward(vec(1, 2, 3));
        assertTrue(Constraints.simplex().check(y).item() == 1);
        assertThrows(
                UnsupportedOperationException.class, () -> t.logAbsDetJacobian(vec(1, 2, 3), y));
        assertInstanceOf(ExpBijector.class, Bijectors.transformTo(Constraints.positive()));
    }

    @Test
    void independentBijectorSumsTheLogDet() {
        Bijector b = Bijectors.bijectTo(Constraints.independent(Constraints.positive(), 1));
        Tensor x = vec(-1, 2);
        assertEquals(1.0, b.logAbsDetJacobian(x, b.forward(x)).item(), 1e-15);
        assertEquals(1, b.domainEventDim());
    }

    @Test
    void discreteAndUnknownConstraintsAreClearErrors() {
        IllegalArgumentException d =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Bijectors.bijectTo(Constraints.nonNegativeInteger()));
        assertTrue(d.getMessage().contains("discrete"), d.getMessage());
        IllegalArgumentException u =
                assertThrows(IllegalArgumentException.class, () -> Bijectors.bijectTo(new Even()));
        assertTrue(u.getMessage().contains("Even"), u.getMessage());
    }

    /** A user constraint: even integers (no bijection exists; only for the registry tests). */
    static class Even extends Constraint {
        @Override
        public Tensor check(Tensor value) {
            return value.eq(value);
        }

        @Override
        public String describe() {
            return "even";
        }
    }

    /** A refinement of {@link Even}, which inherits its factory. */
    static final class SmallEven extends Even {}

    @Test
    void registriesAreOpenAndCopiesAreIndependent() {
        BijectorRegistry mine = BijectorRegistry.bijectTo().copy();
        Bijector marker = new AffineBijector(scalar(0), scalar(2));
        mine.register(Even.class, c -> marker);
        assertSame(marker, mine.get(new Even()));
        assertSame(
                marker, mine.get(new SmallEven()), "subclasses fall back to the parent's factory");
        assertThrows(
                IllegalArgumentException.class, () -> BijectorRegistry.bijectTo().get(new Even()));
        mine.register(
                Constraints.positive().getClass().asSubclass(Constraint.class),
                c -> new SoftplusBijector());
        assertInstanceOf(SoftplusBijector.class, mine.get(Constraints.positive()));
        assertInstanceOf(
                IndependentBijector.class,
                mine.get(Constraints.independent(Constraints.positive(), 1)));
        Tensor y = mine.get(Constraints.independent(Constraints.positive(), 1)).forward(vec(0));
        assertEquals(
                Math.log(2),
                y.item(),
                1e-15,
                "the copy's own positive bijector is used inside independent");
        assertInstanceOf(
                ExpBijector.class, BijectorRegistry.bijectTo().get(Constraints.positive()));
    }
}
