package dev.credence.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatMath} against the exact value ({@link Math} in double, rounded to float): within two
 * ulps (three for the sigmoid) on random arguments across each function's range, and exact on the
 * special values.
 */
class FloatMathTest {
    private static void assertUlps(
            String name,
            IntToDoubleFunction argument,
            DoubleUnaryOperator exact,
            DoubleUnaryOperator got,
            int maxUlps) {
        for (int k = 0; k < 50_000; k++) {
            float x = (float) argument.applyAsDouble(k);
            float want = (float) exact.applyAsDouble(x);
            float have = (float) got.applyAsDouble(x);
            assertTrue(
                    have == want || Math.abs((double) have - want) <= maxUlps * Math.ulp(want),
                    name + "(" + x + ") = " + have + ", exact " + want);
        }
    }

    private static IntToDoubleFunction uniform(double lo, double hi, long seed) {
        Random r = new Random(seed);
        return k -> lo + (hi - lo) * r.nextDouble();
    }

    /** Positive floats from every binade, subnormals included. */
    private static IntToDoubleFunction everyBinade(long seed) {
        Random r = new Random(seed);
        return k -> Float.intBitsToFloat(1 + r.nextInt(0x7F7FFFFF));
    }

    @Test
    void withinTwoUlps() {
        assertUlps("exp", uniform(-87, 88, 1), Math::exp, x -> FloatMath.exp((float) x), 2);
        assertUlps("log", everyBinade(2), Math::log, x -> FloatMath.log((float) x), 2);
        assertUlps(
                "log1p", uniform(-0.999, 10, 3), Math::log1p, x -> FloatMath.log1p((float) x), 2);
        assertUlps(
                "log1p", uniform(-1e-6, 1e-6, 4), Math::log1p, x -> FloatMath.log1p((float) x), 2);
        assertUlps(
                "sigmoid",
                uniform(-80, 30, 5),
                x -> 1 / (1 + Math.exp(-x)),
                x -> FloatMath.sigmoid((float) x),
                3);
    }

    @Test
    void specialValues() {
        float inf = Float.POSITIVE_INFINITY;
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(0f, FloatMath.exp(-200f));
        assertEquals(inf, FloatMath.exp(200f));
        assertEquals(inf, FloatMath.exp(inf));
        assertEquals(0f, FloatMath.exp(-inf));
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
        assertEquals(0f, FloatMath.log(1f));
        assertEquals(-inf, FloatMath.log(0f));
        assertEquals(-inf, FloatMath.log(-0f));
        assertTrue(Float.isNaN(FloatMath.log(-1f)));
        assertEquals(inf, FloatMath.log(inf));
        assertEquals((float) Math.log(Float.MIN_VALUE), FloatMath.log(Float.MIN_VALUE), 1e-5f);
        assertEquals(-inf, FloatMath.log1p(-1f));
        assertEquals(1e-30f, FloatMath.log1p(1e-30f));
        assertEquals(-0f, FloatMath.log1p(-0f));
        assertEquals(inf, FloatMath.log1p(inf));
        assertTrue(Float.isNaN(FloatMath.log1p(-2f)));
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(1f, FloatMath.sigmoid(inf));
        assertEquals(0f, FloatMath.sigmoid(-inf));
        assertTrue(Float.isNaN(FloatMath.sigmoid(Float.NaN)));
    }
}
