package dev.credence.api.dist;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.DType;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments fail with a message that names the family, the parameter (or the support), the
 * constraint and the offending value; validation can be switched off.
 */
class ValidationTest {

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(
                        "Normal scale",
                        () -> new Normal(scalar(0), vec(1, -1)),
                        "Normal",
                        "'scale'",
                        "positive",
                        "-1.0",
                        "index [1]"),
                bad(
                        "Gamma rate NaN",
                        () -> new Gamma(scalar(1), scalar(Double.NaN)),
                        "Gamma",
                        "'rate'",
                        "positive",
                        "NaN"),
                bad(
                        "Beta value",
                        () -> Beta.of(B, 2, 2).logProb(scalar(1.5)),
                        "Beta.logProb",
                        "support",
                        "unitInterval",
                        "1.5"),
                bad(
                        "Bernoulli probs",
                        () -> Bernoulli.withProbs(scalar(1.2)),
                        "Bernoulli",
                        "'probs'",
                        "unitInterval",
                        "1.2"),
                bad(
                        "Bernoulli value",
                        () -> Bernoulli.of(B, 0.3).logProb(scalar(0.5)),
                        "Bernoulli.logProb",
                        "booleans",
                        "0.5"),
                bad(
                        "Poisson value",
                        () -> Poisson.of(B, 2).logProb(scalar(-1)),
                        "Poisson.logProb",
                        "nonNegativeInteger",
                        "-1.0"),
                bad(
                        "Uniform high",
                        () -> new Uniform(vec(0, 2), vec(1, 1)),
                        "Uniform",
                        "'high'",
                        "greaterThan",
                        "1.0",
                        "index [1]"),
                bad(
                        "Categorical probs",
                        () -> Categorical.withProbs(vec(0.5, -0.1, 0.6)),
                        "Categorical",
                        "'probs'",
                        "nonNegative",
                        "[0.5, -0.1, 0.6]"),
                bad(
                        "Categorical value",
                        () -> Categorical.withProbs(vec(0.2, 0.5, 0.3)).logProb(scalar(3)),
                        "Categorical.logProb",
                        "integerInterval(0.0, 2.0)",
                        "3.0"),
                bad(
                        "Dirichlet value",
                        () -> new Dirichlet(vec(1, 1, 1)).logProb(vec(0.5, 0.6, 0.1)),
                        "Dirichlet.logProb",
                        "simplex",
                        "[0.5, 0.6, 0.1]"),
                bad(
                        "MVN scaleTril",
                        () ->
                                new MultivariateNormal(
                                        vec(0, 0), Tensor.of(B, new double[] {1, 0.5, 0, 1}, 2, 2)),
                        "MultivariateNormal",
                        "'scaleTril'",
                        "lowerCholesky",
                        "[1.0, 0.5, 0.0, 1.0]"),
                bad(
                        "MVN value shape",
                        () ->
                                new MultivariateNormal(
                                                vec(0, 0), LinearAlgebra.eye(B, 2, DType.FLOAT64))
                                        .logProb(vec(1, 2, 3)),
                        "MultivariateNormal.logProb",
                        "event shape [2]",
                        "[3]"),
                bad(
                        "LKJ value",
                        () ->
                                new LKJCholesky(2, scalar(1))
                                        .logProb(LinearAlgebra.eye(B, 2, DType.FLOAT64).mul(2)),
                        "LKJCholesky.logProb",
                        "corrCholesky"),
                bad(
                        "StudentT df",
                        () -> new StudentT(scalar(0), scalar(0), scalar(1)),
                        "StudentT",
                        "'df'",
                        "positive",
                        "0.0"),
                bad(
                        "dtype mix",
                        () -> new Normal(scalar(0), Tensor.of(B, new float[] {1f})),
                        "Normal",
                        "FLOAT64",
                        "FLOAT32"));
    }

    private static Arguments bad(String name, Supplier<Object> action, String... fragments) {
        return Arguments.of(name, action, List.of(fragments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void messagesNameParameterConstraintAndValue(
            String name, Supplier<Object> action, List<String> fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::get);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message lacks '" + f + "': " + e.getMessage());
        }
    }

    @Test
    void validationCanBeSwitchedOffPerThreadScope() {
        try (Validation.Scope off = Validation.disable()) {
            Normal n = new Normal(scalar(0), scalar(-1));
            assertFalse(n.validatesArgs());
            assertTrue(Double.isNaN(n.logProb(scalar(0.5)).item()));
            assertFalse(Double.isFinite(Beta.of(B, 2, 2).logProb(scalar(1.5)).item()));
            assertEquals(Double.NEGATIVE_INFINITY, Uniform.of(B, 0, 1).logProb(scalar(1.5)).item());
        }
        assertTrue(Normal.of(B, 0, 1).validatesArgs());
    }

    @Test
    void validationDefaultIsGlobal() {
        Validation.setDefault(false);
        try {
            assertFalse(Normal.of(B, 0, 1).validatesArgs());
            try (Validation.Scope on = Validation.enable()) {
                assertTrue(Normal.of(B, 0, 1).validatesArgs());
            }
        } finally {
            Validation.setDefault(true);
        }
    }
}
