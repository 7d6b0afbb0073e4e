package dev.credence.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules C1-C6: creation and transfer of buffers.
 *
 * <ul>
 *   <li>C1 doubles round-trip exactly in FLOAT64 and round to nearest in FLOAT32.
 *   <li>C2 floats round-trip exactly.
 *   <li>C3 ints round-trip in INT32; BOOL stores non-zero as 1.
 *   <li>C4 {@code full} fills every element, including -0.0, NaN and infinities.
 *   <li>C5 scalars and empty shapes are supported.
 *   <li>C6 conversions on transfer: to ints truncates toward zero, BOOL reads as 0 and 1.
 * </ul>
 */
public interface CreationContract extends KitFixture {

    /**
     * C1.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("C1 fromDoubles/toDoubles round trip")
    default void c1DoublesRoundTrip(DType dt) {
        double[] v = {
            0,
            -0.0,
            1.5,
            -2.25,
            1e-30,
            3.0e30,
            Math.PI,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        Tensor t = Tensor.of(backend(), v, dt, 2, 5);
        assertEquals(dt, t.dtype());
        assertEquals(Shape.of(2, 5), t.shape());
        double[] expect = dt == DType.FLOAT32 ? Ref.toFloatPrecision(v) : v;
        assertArrayEquals(expect, t.toDoubleArray(), "C1 values");
    }

    /** C2. */
    @Test
    @DisplayName("C2 fromFloats/toFloats round trip")
    default void c2FloatsRoundTrip() {
        float[] v = {0f, -1.5f, 3.4e38f, 1.4e-45f, Float.NaN, Float.NEGATIVE_INFINITY};
        Tensor t = Tensor.of(backend(), v, 3, 2);
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(v, t.toFloatArray(), "C2 values");
    }

    /** C3. */
    @Test
    @DisplayName("C3 ints round trip; BOOL stores non-zero as 1")
    default void c3Ints() {
        int[] v = {0, -7, Integer.MAX_VALUE, Integer.MIN_VALUE, 42, 1};
        Tensor t = Tensor.ofInts(backend(), v, 2, 3);
        assertEquals(DType.INT32, t.dtype());
        assertArrayEquals(v, t.toIntArray(), "C3 INT32");
        Tensor b = Tensor.wrap(backend(), backend().fromInts(v, Shape.of(6), DType.BOOL));
        assertEquals(DType.BOOL, b.dtype());
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1}, b.toIntArray(), "C3 BOOL");
    }

    /**
     * C4.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    @DisplayName("C4 full fills every element")
    default void c4Full(DType dt) {
        double[] fills =
                dt.isFloating()
                        ? new double[] {0, -0.0, 2.5, Double.NaN, Double.NEGATIVE_INFINITY}
                        : new double[] {0, 3, 1};
        for (double f : fills) {
            Tensor t = Tensor.full(backend(), f, dt, 3, 4);
            assertEquals(dt, t.dtype());
            double expect = dt == DType.BOOL ? (f != 0 ? 1 : 0) : f;
            for (double x : t.toDoubleArray()) {
                assertEquals(expect, x, 0.0, "C4 full(" + f + ") in " + dt);
            }
        }
    }

    /**
     * C5.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("C5 scalars and empty shapes")
    default void c5ScalarAndEmpty(DType dt) {
        Tensor s = Tensor.scalar(backend(), 1.25, dt);
        assertEquals(0, s.rank());
        assertEquals(1.25, s.item(), 0.0, "C5 scalar value");
        Tensor e = Tensor.zeros(backend(), dt, 2, 0, 3);
        assertEquals(0, e.size());
        assertEquals(0, e.toDoubleArray().length, "C5 empty transfer");
        Tensor sum = e.add(e).sum(1);
        assertEquals(Shape.of(2, 3), sum.shape(), "C5 sum over empty axis");
        assertArrayEquals(new double[6], sum.toDoubleArray(), "C5 sum over empty axis is 0");
    }

    /** C6. */
    @Test
    @DisplayName("C6 transfer conversions: truncation to ints, BOOL as 0/1")
    default void c6Conversions() {
        Tensor f = Tensor.of(backend(), new double[] {1.9, -1.9, 0.4, 7}, 4);
        assertArrayEquals(new int[] {1, -1, 0, 7}, f.toIntArray(), "C6 toInts truncates");
        Tensor b =
                Tensor.wrap(
                        backend(), backend().fromInts(new int[] {0, 5}, Shape.of(2), DType.BOOL));
        assertArrayEquals(new double[] {0, 1}, b.toDoubleArray(), "C6 BOOL toDoubles");
        Tensor i =
                Tensor.wrap(
                        backend(),
                        backend().fromDoubles(new double[] {2.7, -3.2}, Shape.of(2), DType.INT32));
        assertArrayEquals(new int[] {2, -3}, i.toIntArray(), "C6 fromDoubles to INT32");
    }
}
