package dev.credence.backend.djl;

import static dev.credence.backend.djl.Oracle.DJL;
import static dev.credence.backend.djl.Oracle.JVM;

import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Elementwise primitives against the reference backend on the inputs where PyTorch and {@link Math}
 * are most likely to disagree: NaN, infinities, signed zeros, tiny and huge values.
 */
class DjlElementwiseTest {

    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;

    static final double[] SPECIAL = {
        NAN, INF, -INF, 0.0, -0.0, 1e-30, -1e-30, 1e-12, -1e-12, 1e-7, -1e-7, 3e-4, -3e-4, 0.5,
        -0.5, 1, -1, 2, 3.7, -3.7, 20, -20, 100, -100, 700, -745, 1e300, -1e300, -2.5, -0.99
    };

    /** Relative tolerance of each op against the reference, by dtype; 0 means bit for bit. */
    static double rtol(Primitive op, DType dt) {
        boolean f32 = dt == DType.FLOAT32;
        return switch (op) {
            case NEG, ABS, SIGN, DIGAMMA, TRIGAMMA -> 0;
            case SQRT -> f32 ? 2e-7 : 0;
            case LGAMMA, ERF -> f32 ? 2e-6 : 1e-12;
            case LOG1P, EXPM1 -> f32 ? 1e-6 : 1e-14;
            default -> f32 ? 4e-7 : 1e-14;
        };
    }

    static Stream<Arguments> unaryCases() {
        return Stream.of(Kernels.family(Primitive.Family.UNARY))
                .flatMap(
                        op ->
                                Stream.of(DType.FLOAT32, DType.FLOAT64)
                                        .map(d -> Arguments.of(op, d)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unaryCases")
    @DisplayName("unary ops agree with the reference on special values")
    void unary(Primitive op, DType dt) {
        var x = Oracle.of(SPECIAL, dt, 5, 6);
        Oracle.same(
                op + " " + dt,
                Kernels.unary(DJL, op, x.djl()),
                JVM.supports(op) ? Kernels.unary(JVM, op, x.jvm()) : composed(op, x.jvm()),
                rtol(op, dt));
    }

    /** An optional primitive the reference does not supply, as the api composes it there. */
    private static Buffer composed(Primitive op, Buffer x) {
        Tensor t = Tensor.of(JVM, JVM.toDoubles(x), x.dtype(), x.shape().dims());
        return Elementwise.unary(op, t).buffer();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryCases")
    @DisplayName("log1p and expm1 stay accurate near zero")
    void nearZero(Primitive op, DType dt) {
        if (op != Primitive.LOG1P && op != Primitive.EXPM1) {
            return;
        }
        double[] v = new double[64];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * Math.pow(10, -i / 4.0);
        }
        var x = Oracle.of(v, dt, 64);
        Oracle.same(
                op + " near 0",
                Kernels.unary(DJL, op, x.djl()),
                Kernels.unary(JVM, op, x.jvm()),
                rtol(op, dt));
    }

    static final double[] GRID = {NAN, INF, -INF, 0.0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3.7, -8};

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCases")
    @DisplayName("binary ops agree with the reference on every pair of special values")
    void binary(Primitive op, DType dt) {
        int n = GRID.length;
        var a = Oracle.of(GRID, dt, n, 1);
        var b = Oracle.of(GRID, dt, 1, n);
        Shape out = Shape.of(n, n);
        double rtol =
                switch (op) {
                    case POW -> dt == DType.FLOAT32 ? 4e-7 : 1e-15;
                    // PyTorch may return either zero when comparing -0.0 with 0.0.
                    case MAXIMUM, MINIMUM -> Oracle.EQUAL_AS_NUMBERS;
                    default -> 0;
                };
        Oracle.same(
                op + " " + dt,
                Kernels.binary(DJL, op, a.djl(), b.djl(), out),
                Kernels.binary(JVM, op, a.jvm(), b.jvm(), out),
                rtol);
    }

    static Stream<Arguments> binaryCases() {
        return Stream.of(Kernels.family(Primitive.Family.BINARY))
                .flatMap(
                        op ->
                                Stream.of(DType.FLOAT32, DType.FLOAT64)
                                        .map(d -> Arguments.of(op, d)));
    }

    @Test
    @DisplayName("INT32 arithmetic wraps around as Java's does")
    void intOverflow() {
        int[] v = {Integer.MAX_VALUE, Integer.MIN_VALUE, 7, -7};
        var a = Oracle.ints(v, 4, 1);
        var b = Oracle.ints(v, 1, 4);
        Shape out = Shape.of(4, 4);
        for (Primitive op :
                new Primitive[] {
                    Primitive.ADD,
                    Primitive.SUB,
                    Primitive.MUL,
                    Primitive.MAXIMUM,
                    Primitive.MINIMUM
                }) {
            Oracle.same(
                    "INT32 " + op,
                    Kernels.binary(DJL, op, a.djl(), b.djl(), out),
                    Kernels.binary(JVM, op, a.jvm(), b.jvm(), out),
                    0);
        }
        Oracle.same(
                "INT32 NEG",
                Kernels.unary(DJL, Primitive.NEG, a.djl()),
                Kernels.unary(JVM, Primitive.NEG, a.jvm()),
                0);
        Oracle.same(
                "INT32 ABS",
                Kernels.unary(DJL, Primitive.ABS, a.djl()),
                Kernels.unary(JVM, Primitive.ABS, a.jvm()),
                0);
    }

    @Test
    @DisplayName("comparisons and where broadcast every operand")
    void compareAndWhere() {
        int n = GRID.length;
        var a = Oracle.of(GRID, DType.FLOAT64, n, 1);
        var b = Oracle.of(GRID, DType.FLOAT64, 1, n);
        Shape out = Shape.of(n, n);
        for (Primitive op : Kernels.family(Primitive.Family.COMPARE)) {
            Oracle.same(
                    "compare " + op,
                    Kernels.compare(DJL, op, a.djl(), b.djl(), out),
                    Kernels.compare(JVM, op, a.jvm(), b.jvm(), out),
                    0);
        }
        var c = Oracle.of(new double[] {1, 0, 1}, DType.BOOL, 3, 1, 1);
        var x = Oracle.of(new double[] {1, 2}, DType.FLOAT32, 1, 2, 1);
        var y = Oracle.of(new double[] {-1, -2, -3, -4}, DType.FLOAT32, 4);
        Shape w = Shape.of(3, 2, 4);
        Oracle.same(
                "where",
                Kernels.where(DJL, c.djl(), x.djl(), y.djl(), w),
                Kernels.where(JVM, c.jvm(), x.jvm(), y.jvm(), w),
                0);
    }
}
