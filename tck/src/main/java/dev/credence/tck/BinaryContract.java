package dev.credence.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules B1-B7: binary primitives, comparisons and {@code where}.
 *
 * <ul>
 *   <li>B1 each binary op matches the reference on equal shapes.
 *   <li>B2 NumPy broadcasting for every pair of shapes in a table, including scalars and empty
 *       shapes.
 *   <li>B3 IEEE 754 edge cases: inf - inf, 1/0, 0/0, NaN in MAX/MIN, pow edge cases.
 *   <li>B4 INT32 ADD, SUB, MUL, MAX, MIN.
 *   <li>B5 comparisons LT, LE, EQ with broadcasting give BOOL; comparisons with NaN are false.
 *   <li>B6 where selects with a broadcast condition and broadcast branches.
 *   <li>B7 results are exactly rounded: a FLOAT32 sum is the float nearest the exact sum.
 *   <li>B8 broadcasting a one-element operand of higher rank ({@code [1,1]} with {@code [3]}) and
 *       NaN on the broadcast side of MAX and MIN.
 * </ul>
 */
public interface BinaryContract extends KitFixture {

    /**
     * Reference function of each op.
     *
     * @param op the op
     * @return the function
     */
    static DoubleBinaryOperator reference(Primitive op) {
        return switch (op) {
            case ADD -> Double::sum;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case POW -> Math::pow;
            case MAXIMUM -> Math::max;
            case MINIMUM -> Math::min;
            default -> throw new IllegalArgumentException(op + " is not a binary primitive");
        };
    }

    /**
     * Every op in both floating dtypes.
     *
     * @return the arguments
     */
    static Stream<Arguments> opCases() {
        return Stream.of(Primitive.values())
                .filter(op -> op.family() == Primitive.Family.BINARY)
                .flatMap(
                        op ->
                                Stream.of(
                                        Arguments.of(op, DType.FLOAT32),
                                        Arguments.of(op, DType.FLOAT64)));
    }

    private double[] operand(long seed, int n, DType dt, Primitive op, boolean right) {
        double lo = op == Primitive.POW && !right ? 0.1 : -3;
        double hi = 3;
        double[] v = Ref.uniform(seed, n, lo, hi);
        if (op == Primitive.DIV && right) {
            for (int i = 0; i < n; i++) {
                v[i] = v[i] >= 0 ? v[i] + 0.5 : v[i] - 0.5;
            }
        }
        return dt == DType.FLOAT32 ? Ref.toFloatPrecision(v) : v;
    }

    private void checkOp(String rule, Primitive op, DType dt, Shape sa, Shape sb) {
        double[] a = operand(sa.size() * 31L + op.ordinal(), sa.size(), dt, op, false);
        double[] b = operand(sb.size() * 17L + op.ordinal() + 5, sb.size(), dt, op, true);
        double[] expect = Ref.broadcast(a, sa, b, sb, reference(op));
        if (dt == DType.FLOAT32) {
            expect = Ref.toFloatPrecision(expect);
        }
        Tensor ta = Tensor.of(backend(), a, dt, sa.dims()).reshape(sa.dims());
        Tensor tb = Tensor.of(backend(), b, dt, sb.dims()).reshape(sb.dims());
        Tensor r = Elementwise.binary(op, ta, tb);
        double rtol = op == Primitive.POW ? (dt == DType.FLOAT32 ? 4e-6 : 1e-13) : Check.rtol(dt);
        Check.close(
                rule + " " + op + " " + dt + " " + sa + " with " + sb,
                expect,
                Shape.broadcast(sa, sb, "ref"),
                r,
                rtol,
                Check.atol(dt));
    }

    /**
     * B1.
     *
     * @param op the op
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.credence.tck.BinaryContract#opCases")
    @DisplayName("B1 binary op on equal shapes")
    default void b1SameShape(Primitive op, DType dt) {
        checkOp("B1", op, dt, Shape.of(4, 7), Shape.of(4, 7));
    }

    /**
     * B2.
     *
     * @param op the op
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.credence.tck.BinaryContract#opCases")
    @DisplayName("B2 broadcasting table")
    default void b2Broadcasting(Primitive op, DType dt) {
        int[][][] pairs = {
            {{2, 3}, {3}},
            {{2, 3}, {}},
            {{}, {2, 3}},
            {{2, 1}, {1, 3}},
            {{4, 1, 3}, {2, 1}},
            {{3, 1, 2, 1}, {1, 4, 1, 5}},
            {{5}, {1}},
            {{0, 3}, {3}},
            {{2, 3}, {2, 3}},
            {{1}, {}}
        };
        for (int[][] p : pairs) {
            checkOp("B2", op, dt, Shape.of(p[0]), Shape.of(p[1]));
        }
    }

    /**
     * B3 cases: op, a, b, expected.
     *
     * @return the arguments
     */
    static Stream<Arguments> edgeCases() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of(Primitive.SUB, inf, inf, nan),
                Arguments.of(Primitive.ADD, inf, -inf, nan),
                Arguments.of(Primitive.DIV, 1.0, 0.0, inf),
                Arguments.of(Primitive.DIV, -1.0, 0.0, -inf),
                Arguments.of(Primitive.DIV, 0.0, 0.0, nan),
                Arguments.of(Primitive.MUL, 0.0, inf, nan),
                Arguments.of(Primitive.MAXIMUM, nan, 1.0, nan),
                Arguments.of(Primitive.MAXIMUM, 1.0, nan, nan),
                Arguments.of(Primitive.MINIMUM, nan, 1.0, nan),
                Arguments.of(Primitive.MINIMUM, -inf, 1.0, -inf),
                Arguments.of(Primitive.POW, 0.0, 0.0, 1.0),
                Arguments.of(Primitive.POW, -8.0, 1.0 / 3, nan),
                Arguments.of(Primitive.POW, -2.0, 3.0, -8.0),
                Arguments.of(Primitive.POW, 0.0, -1.0, inf),
                Arguments.of(Primitive.ADD, nan, 1.0, nan),
                Arguments.of(Primitive.POW, 1.0, nan, nan),
                Arguments.of(Primitive.POW, -1.0, inf, nan),
                Arguments.of(Primitive.POW, nan, 0.0, 1.0));
    }

    /**
     * B3.
     *
     * @param op the op
     * @param a left
     * @param b right
     * @param expected expected result
     */
    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @MethodSource("dev.credence.tck.BinaryContract#edgeCases")
    @DisplayName("B3 IEEE 754 edge cases")
    default void b3Edges(Primitive op, double a, double b, double expected) {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor ta = Tensor.of(backend(), new double[] {a}, dt, 1);
            Tensor tb = Tensor.of(backend(), new double[] {b}, dt, 1);
            Check.values(
                    "B3 " + op + " " + dt,
                    new double[] {expected},
                    Elementwise.binary(op, ta, tb).toDoubleArray(),
                    1e-6,
                    0);
        }
    }

    /** B4. */
    @Test
    @DisplayName("B4 INT32 arithmetic")
    default void b4IntOps() {
        Tensor a = Tensor.ofInts(backend(), new int[] {1, -2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.ofInts(backend(), new int[] {10, 0, -3}, 3);
        Check.values("B4 add", new double[] {11, -2, 0, 14, 5, 3}, a.add(b).toDoubleArray(), 0, 0);
        Check.values("B4 sub", new double[] {-9, -2, 6, -6, 5, 9}, a.sub(b).toDoubleArray(), 0, 0);
        Check.values(
                "B4 mul", new double[] {10, 0, -9, 40, 0, -18}, a.mul(b).toDoubleArray(), 0, 0);
        Check.values(
                "B4 max", new double[] {10, 0, 3, 10, 5, 6}, a.maximum(b).toDoubleArray(), 0, 0);
        Check.values(
                "B4 min", new double[] {1, -2, -3, 4, 0, -3}, a.minimum(b).toDoubleArray(), 0, 0);
        assertEquals(DType.INT32, a.add(b).dtype(), "B4 dtype");
    }

    /** B5. */
    @Test
    @DisplayName("B5 comparisons with broadcasting and NaN")
    default void b5Compare() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = Tensor.of(backend(), new double[] {1, 2, 3, Double.NaN, 5, 6}, dt, 2, 3);
            Tensor b = Tensor.of(backend(), new double[] {2, 2, Double.NaN}, dt, 3);
            Tensor lt = a.lt(b);
            assertEquals(DType.BOOL, lt.dtype(), "B5 dtype");
            Check.values("B5 lt " + dt, new double[] {1, 0, 0, 0, 0, 0}, lt.toDoubleArray(), 0, 0);
            Check.values(
                    "B5 le " + dt, new double[] {1, 1, 0, 0, 0, 0}, a.le(b).toDoubleArray(), 0, 0);
            Check.values(
                    "B5 eq " + dt, new double[] {0, 1, 0, 0, 0, 0}, a.eq(b).toDoubleArray(), 0, 0);
        }
        Tensor i = Tensor.ofInts(backend(), new int[] {1, 5}, 2);
        Tensor j = Tensor.ofInts(backend(), new int[] {3}, 1);
        Check.values("B5 INT32 lt", new double[] {1, 0}, i.lt(j).toDoubleArray(), 0, 0);
    }

    /** B6. */
    @Test
    @DisplayName("B6 where with broadcast condition and branches")
    default void b6Where() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32}) {
            Tensor c = Tensor.of(backend(), new double[] {1, 0, 1}, DType.BOOL, 3);
            Tensor a = Tensor.of(backend(), new double[] {1, 2, 3, 4, 5, 6}, dt, 2, 3);
            Tensor b = Tensor.of(backend(), new double[] {-1, -2}, dt, 2, 1);
            Tensor r = Tensor.where(c, a, b);
            assertEquals(dt, r.dtype(), "B6 dtype");
            Check.close("B6 " + dt, new double[] {1, -1, 3, 4, -2, 6}, Shape.of(2, 3), r, 0, 0);
        }
    }

    /** B7. */
    @Test
    @DisplayName("B7 FLOAT32 results are exactly rounded")
    default void b7Rounding() {
        double[] a = Ref.toFloatPrecision(Ref.uniform(5, 100, -1, 1));
        double[] b = Ref.toFloatPrecision(Ref.uniform(6, 100, -1e-3, 1e-3));
        double[] expect = new double[100];
        for (int i = 0; i < 100; i++) {
            expect[i] = (float) (a[i] + b[i]);
        }
        Tensor r =
                Tensor.of(backend(), a, DType.FLOAT32, 100)
                        .add(Tensor.of(backend(), b, DType.FLOAT32, 100));
        Check.values("B7", expect, r.toDoubleArray(), 0, 0);
    }

    /** B8. */
    @Test
    @DisplayName("B8 one-element operands of higher rank; NaN on the broadcast side of MAX/MIN")
    default void b8Broadcast() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor one = Tensor.of(backend(), new double[] {2}, dt, 1, 1);
            Tensor row = Tensor.of(backend(), new double[] {1, 2, 3}, dt, 3);
            Check.close(
                    "B8 [1,1]+[3] " + dt,
                    new double[] {3, 4, 5},
                    Shape.of(1, 3),
                    one.add(row),
                    0,
                    0);
            Check.close(
                    "B8 [3]*[1,1] " + dt,
                    new double[] {2, 4, 6},
                    Shape.of(1, 3),
                    row.mul(one),
                    0,
                    0);
            Tensor m = Tensor.of(backend(), new double[] {1, -2, 3, 4, Double.NaN, -6}, dt, 2, 3);
            Tensor nan = Tensor.of(backend(), new double[] {Double.NaN}, dt, 1);
            double n = Double.NaN;
            Check.close(
                    "B8 max(m, NaN) " + dt,
                    new double[] {n, n, n, n, n, n},
                    Shape.of(2, 3),
                    m.maximum(nan),
                    0,
                    0);
            Check.close(
                    "B8 min(NaN, m) " + dt,
                    new double[] {n, n, n, n, n, n},
                    Shape.of(2, 3),
                    nan.minimum(m),
                    0,
                    0);
            Tensor zero = Tensor.of(backend(), new double[] {0}, dt, 1);
            Check.close(
                    "B8 max(m, 0) " + dt,
                    new double[] {1, 0, 3, 4, n, 0},
                    Shape.of(2, 3),
                    m.maximum(zero),
                    0,
                    0);
        }
    }
}
