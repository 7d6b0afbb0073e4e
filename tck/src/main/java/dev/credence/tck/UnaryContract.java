package dev.credence.tck;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.ScalarMath;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules U1-U3: elementwise unary primitives.
 *
 * <ul>
 *   <li>U1 every unary op matches the double-precision reference on its domain, in FLOAT32 and
 *       FLOAT64 (special functions to 1e-10 relative in FLOAT64).
 *   <li>U2 NaN, infinities and domain edges follow IEEE 754 as {@link Math} does; log1p, expm1 and
 *       tanh keep their relative accuracy next to 0.
 *   <li>U3 NEG and ABS work on INT32.
 * </ul>
 */
public interface UnaryContract extends KitFixture {

    /**
     * The reference function of each op and a domain to sample it on.
     *
     * @param op the op
     * @return {lo, hi}
     */
    static double[] domain(Primitive op) {
        return switch (op) {
            case LOG, SQRT -> new double[] {0.01, 50};
            case LOG1P -> new double[] {-0.99, 50};
            case LGAMMA, DIGAMMA, TRIGAMMA -> new double[] {0.05, 30};
            case EXP, EXPM1, SOFTPLUS -> new double[] {-30, 30};
            default -> new double[] {-6, 6};
        };
    }

    /**
     * The reference implementation of an op.
     *
     * @param op the op
     * @return the function
     */
    static DoubleUnaryOperator reference(Primitive op) {
        return switch (op) {
            case NEG -> x -> -x;
            case EXP -> Math::exp;
            case LOG -> Math::log;
            case LOG1P -> Math::log1p;
            case EXPM1 -> Math::expm1;
            case SQRT -> Math::sqrt;
            case ABS -> Math::abs;
            case SIGN -> Math::signum;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case TANH -> Math::tanh;
            case SIGMOID -> x -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            case SOFTPLUS -> x -> x > 20 ? x : Math.log1p(Math.exp(x));
            case RELU -> x -> x <= 0 ? 0.0 : x;
            case LGAMMA -> ScalarMath::lgamma;
            case DIGAMMA -> ScalarMath::digamma;
            case TRIGAMMA -> ScalarMath::trigamma;
            case ERF -> ScalarMath::erf;
            default -> throw new IllegalArgumentException(op + " is not a unary primitive");
        };
    }

    /**
     * Every op in both floating dtypes.
     *
     * @return the arguments
     */
    static Stream<Arguments> unaryCases() {
        return Stream.of(Primitive.values())
                .filter(op -> op.family() == Primitive.Family.UNARY)
                .flatMap(
                        op ->
                                Stream.of(
                                        Arguments.of(op, DType.FLOAT32),
                                        Arguments.of(op, DType.FLOAT64)));
    }

    /**
     * U1.
     *
     * @param op the op
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.credence.tck.UnaryContract#unaryCases")
    @DisplayName("U1 unary op matches the reference")
    default void u1Unary(Primitive op, DType dt) {
        double[] dom = domain(op);
        double[] x = Ref.uniform(op.ordinal() + 11, 60, dom[0], dom[1]);
        if (dt == DType.FLOAT32) {
            x = Ref.toFloatPrecision(x);
        }
        x[0] = op == Primitive.SIGN ? 0.0 : x[0];
        DoubleUnaryOperator f = reference(op);
        double[] expect = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expect[i] = f.applyAsDouble(x[i]);
        }
        boolean special =
                op == Primitive.LGAMMA
                        || op == Primitive.DIGAMMA
                        || op == Primitive.TRIGAMMA
                        || op == Primitive.ERF;
        double rtol = dt == DType.FLOAT32 ? (special ? 2e-5 : 4e-6) : (special ? 1e-10 : 1e-13);
        double atol = dt == DType.FLOAT32 ? (special ? 1e-5 : 2e-6) : 1e-13;
        Tensor t = Elementwise.unary(op, Tensor.of(backend(), x, dt, 3, 20));
        Check.close("U1 " + op + " " + dt, expect, Shape.of(3, 20), t, rtol, atol);
    }

    /**
     * U2 cases: op, input, expected.
     *
     * @return the arguments
     */
    static Stream<Arguments> edgeCases() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of(Primitive.EXP, inf, inf),
                Arguments.of(Primitive.EXP, -inf, 0.0),
                Arguments.of(Primitive.EXP, nan, nan),
                Arguments.of(Primitive.LOG, 0.0, -inf),
                Arguments.of(Primitive.LOG, -1.0, nan),
                Arguments.of(Primitive.LOG, inf, inf),
                Arguments.of(Primitive.LOG1P, -1.0, -inf),
                Arguments.of(Primitive.SQRT, -1.0, nan),
                Arguments.of(Primitive.SQRT, inf, inf),
                Arguments.of(Primitive.TANH, inf, 1.0),
                Arguments.of(Primitive.TANH, -inf, -1.0),
                Arguments.of(Primitive.SIGMOID, inf, 1.0),
                Arguments.of(Primitive.SIGMOID, -inf, 0.0),
                Arguments.of(Primitive.SIGMOID, -800.0, 0.0),
                Arguments.of(Primitive.SIGMOID, nan, nan),
                Arguments.of(Primitive.SOFTPLUS, inf, inf),
                Arguments.of(Primitive.SOFTPLUS, -inf, 0.0),
                Arguments.of(Primitive.SOFTPLUS, -800.0, 0.0),
                Arguments.of(Primitive.SOFTPLUS, 1e4, 1e4),
                Arguments.of(Primitive.SOFTPLUS, nan, nan),
                Arguments.of(Primitive.RELU, nan, nan),
                Arguments.of(Primitive.RELU, -inf, 0.0),
                Arguments.of(Primitive.RELU, inf, inf),
                Arguments.of(Primitive.RELU, 0.0, 0.0),
                Arguments.of(Primitive.RELU, -1e-30, 0.0),
                Arguments.of(Primitive.RELU, 1e-30, 1e-30),
                Arguments.of(Primitive.ABS, -inf, inf),
                Arguments.of(Primitive.SIGN, nan, nan),
                Arguments.of(Primitive.SIGN, -inf, -1.0),
                Arguments.of(Primitive.NEG, nan, nan),
                Arguments.of(Primitive.LGAMMA, 0.0, inf),
                Arguments.of(Primitive.LGAMMA, inf, inf),
                Arguments.of(Primitive.ERF, inf, 1.0),
                Arguments.of(Primitive.ERF, -inf, -1.0),
                Arguments.of(Primitive.EXPM1, -inf, -1.0),
                Arguments.of(Primitive.LOG1P, 1e-10, Math.log1p(1e-10)),
                Arguments.of(Primitive.LOG1P, -1e-12, Math.log1p(-1e-12)),
                Arguments.of(Primitive.EXPM1, 1e-10, Math.expm1(1e-10)),
                Arguments.of(Primitive.EXPM1, -3e-9, Math.expm1(-3e-9)),
                Arguments.of(Primitive.TANH, 1e-9, Math.tanh(1e-9)));
    }

    /**
     * U2.
     *
     * @param op the op
     * @param x the input
     * @param expected the exact expected output
     */
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @MethodSource("dev.credence.tck.UnaryContract#edgeCases")
    @DisplayName("U2 NaN, infinities and domain edges")
    default void u2Edges(Primitive op, double x, double expected) {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor in = Tensor.of(backend(), new double[] {x}, dt, 1);
            Tensor t = Elementwise.unary(op, in);
            double want = expected;
            double rtol = 0;
            if (x != 0 && Math.abs(x) < 1e-6) {
                // Accuracy next to 0: compare with the reference at the stored (rounded) input.
                want = reference(op).applyAsDouble(in.toDoubleArray()[0]);
                rtol = dt == DType.FLOAT32 ? 2e-6 : 1e-14;
            }
            Check.values(
                    "U2 " + op + "(" + x + ") " + dt,
                    new double[] {want},
                    t.toDoubleArray(),
                    rtol,
                    0);
        }
    }

    /** U3. */
    @Test
    @DisplayName("U3 NEG and ABS on INT32")
    default void u3IntUnary() {
        Tensor t = Tensor.ofInts(backend(), new int[] {-3, 0, 5}, 3);
        Check.values("U3 neg", new double[] {3, 0, -5}, t.neg().toDoubleArray(), 0, 0);
        Check.values("U3 abs", new double[] {3, 0, 5}, t.abs().toDoubleArray(), 0, 0);
    }
}
