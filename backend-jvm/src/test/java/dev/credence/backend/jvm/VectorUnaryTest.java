package dev.credence.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.credence.api.backend.FloatMath;
import dev.credence.api.backend.Primitive;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vectorised exp, log, log1p and sigmoid against the exact value (double precision rounded to
 * float): within two ulps on sweeps across their ranges, including subnormal results and inputs,
 * and exact on the special values; and {@link FloatMath}, their scalar twins, equal to them bit for
 * bit.
 */
class VectorUnaryTest {
    @BeforeAll
    static void needsTheVectorApi() {
        assumeTrue(Simd.AVAILABLE, "the Vector API is not present");
    }

    /** Runs the vector kernel over xs, on an odd length so that the masked tail is used too. */
    private static float[] run(Primitive op, float[] xs) {
        float[] out = new float[xs.length];
        VectorUnary.apply(op, xs, out, 0, xs.length);
        return out;
    }

    private static void assertUlps(
            Primitive op, DoubleUnaryOperator exact, float[] xs, int maxUlps) {
        float[] got = run(op, xs);
        for (int k = 0; k < xs.length; k++) {
            float want = (float) exact.applyAsDouble(xs[k]);
            float ulp = Math.ulp(want);
            double err = Math.abs((double) got[k] - want);
            assertTrue(
                    err <= maxUlps * ulp || (want == got[k]),
                    op + "(" + xs[k] + ") = " + got[k] + ", exact " + want);
        }
    }

    private static float[] sweep(float lo, float hi, int n, long seed) {
        Random r = new Random(seed);
        float[] xs = new float[n];
        for (int k = 0; k < n; k++) {
            xs[k] = lo + (hi - lo) * r.nextFloat();
        }
        return xs;
    }

    /** Positive floats spread over every binade, subnormals included. */
    private static float[] everyBinade(int n, long seed) {
        Random r = new Random(seed);
        float[] xs = new float[n];
        for (int k = 0; k < n; k++) {
            xs[k] = Float.intBitsToFloat(1 + r.nextInt(0x7F7FFFFF));
        }
        return xs;
    }

    @Test
    void expIsWithinTwoUlps() {
        assertUlps(Primitive.EXP, Math::exp, sweep(-87f, 88f, 20001, 1), 2);
        assertUlps(Primitive.EXP, Math::exp, sweep(-1e-3f, 1e-3f, 2001, 2), 2);
        // Subnormal results: the absolute error is what counts there.
        float[] deep = sweep(-103f, -87.5f, 2001, 3);
        float[] got = run(Primitive.EXP, deep);
        for (int k = 0; k < deep.length; k++) {
            assertEquals(Math.exp(deep[k]), got[k], 2 * Float.MIN_VALUE, "exp(" + deep[k] + ")");
        }
    }

    @Test
    void logAndLog1pAreWithinTwoUlps() {
        assertUlps(Primitive.LOG, Math::log, everyBinade(20001, 4), 2);
        assertUlps(Primitive.LOG, Math::log, sweep(0.5f, 2f, 20001, 5), 2);
        assertUlps(Primitive.LOG1P, Math::log1p, sweep(-0.999f, 10f, 20001, 6), 2);
        assertUlps(Primitive.LOG1P, Math::log1p, sweep(-1e-6f, 1e-6f, 2001, 7), 2);
        assertUlps(Primitive.LOG1P, Math::log1p, everyBinade(20001, 8), 2);
    }

    @Test
    void sigmoidIsWithinThreeUlps() {
        assertUlps(Primitive.SIGMOID, x -> 1 / (1 + Math.exp(-x)), sweep(-80f, 30f, 20001, 9), 3);
    }

    @Test
    void scalarTwinsGiveTheSameBits() {
        float[] xs = new float[40000];
        float[] wide = sweep(-120f, 100f, 20000, 10);
        float[] binades = everyBinade(20000, 11);
        for (int k = 0; k < 20000; k++) {
            xs[k] = wide[k];
            xs[20000 + k] = (k & 1) == 0 ? binades[k] : -binades[k];
        }
        float[] specials = {
            0f,
            -0f,
            -1f,
            1f,
            Float.NaN,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.MAX_VALUE
        };
        System.arraycopy(specials, 0, xs, 0, specials.length);
        Primitive[] ops = {Primitive.EXP, Primitive.SIGMOID, Primitive.LOG, Primitive.LOG1P};
        DoubleUnaryOperator[] twins = {
            x -> FloatMath.exp((float) x), x -> FloatMath.sigmoid((float) x),
            x -> FloatMath.log((float) x), x -> FloatMath.log1p((float) x),
        };
        for (int o = 0; o < ops.length; o++) {
            float[] got = run(ops[o], xs);
            for (int k = 0; k < xs.length; k++) {
                float twin = (float) twins[o].applyAsDouble(xs[k]);
                assertEquals(
                        Float.floatToIntBits(got[k]),
                        Float.floatToIntBits(twin),
                        ops[o] + "(" + xs[k] + "): vector " + got[k] + ", scalar " + twin);
            }
        }
    }

    @Test
    void specialValuesAreExact() {
        float inf = Float.POSITIVE_INFINITY;
        float nan = Float.NaN;
        float[] xs = {0f, -0f, 1f, -1f, inf, -inf, nan, 200f, -200f, Float.MIN_VALUE};
        float[] exp = run(Primitive.EXP, xs);
        float[] log = run(Primitive.LOG, xs);
        float[] log1p = run(Primitive.LOG1P, xs);
        float[] sig = run(Primitive.SIGMOID, xs);
        for (int k = 0; k < xs.length; k++) {
            assertEquals((float) Math.exp(xs[k]), exp[k], 0f, "exp(" + xs[k] + ")");
            float wantLog = (float) Math.log(xs[k]);
            float tol = Float.isFinite(wantLog) ? Math.ulp(wantLog) : 0f;
            assertEquals(wantLog, log[k], tol, "log(" + xs[k] + ")");
            assertEquals((float) Math.log1p(xs[k]), log1p[k], 0f, "log1p(" + xs[k] + ")");
        }
        assertEquals(0.5f, sig[0]);
        assertEquals(1f, sig[4]);
        assertEquals(0f, sig[5]);
        assertTrue(Float.isNaN(sig[6]));
    }
}
