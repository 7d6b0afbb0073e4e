package dev.credence.backend.jvm;

/**
 * The scalar twins of {@link VectorUnary}: FLOAT32 {@code exp}, the sigmoid, {@code log} and {@code
 * log1p} one element at a time, with the very same sequence of IEEE operations (the same constants,
 * the same fused multiply-adds, the same selections), so that they give the vector kernels' results
 * bit for bit. The backend uses them when the Vector API is absent.
 *
 * <p>Why twins and not {@link Math}: a run must not change its results with the JVM's options. A
 * training started from the {@code credence} command (which adds the Vector API module) and resumed
 * from a program that does not, or the other way round, must continue exactly where it stopped;
 * with {@link Math#exp} on one side and a polynomial on the other the two differ by an ulp here and
 * there, and a resumed run drifts from an uninterrupted one. The matrix product keeps the same
 * promise ({@link MatMul} and {@link VectorMatMul} sum in one order). The method comments are in
 * {@link VectorUnary}; here each line mirrors one line there.
 */
final class FloatMath {
    private FloatMath() {}

    private static final float ROUNDER = 12582912f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float SQRT2 = 1.41421356f;
    private static final float MIN_NORMAL = 1.17549435e-38f;

    /** {@code e^x}, as {@link VectorUnary}'s exp computes it. */
    static float exp(float x) {
        return expOf(x, false);
    }

    /** {@code 1 / (1 + e^-x)}, as {@link VectorUnary}'s sigmoid computes it. */
    static float sigmoid(float x) {
        return expOf(-1f * x, true);
    }

    private static float expOf(float x, boolean sigmoid) {
        float xc = Math.min(Math.max(x, -104f), 89f);
        float t = Math.fma(xc, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        int ni = Float.floatToRawIntBits(t) - 0x4B400000;
        float r = Math.fma(n, -LN2_HI, xc);
        r = Math.fma(n, -LN2_LO, r);
        float z = r * r;
        float p = Math.fma(r, 1.9875691500e-4f, 1.3981999507e-3f);
        p = Math.fma(p, r, 8.3334519073e-3f);
        p = Math.fma(p, r, 4.1665795894e-2f);
        p = Math.fma(p, r, 1.6666665459e-1f);
        p = Math.fma(p, r, 5.0000001201e-1f);
        p = Math.fma(p, z, r) + 1f;
        int half = ni >> 1;
        float e = p * scale(half) * scale(ni - half);
        return sigmoid ? 1f / (e + 1f) : e;
    }

    /** {@code 2^n} for {@code -126 <= n <= 127}, from its exponent bits. */
    private static float scale(int n) {
        return Float.intBitsToFloat((n + 127) << 23);
    }

    /** {@code log(x)}, as {@link VectorUnary}'s log computes it. */
    static float log(float x) {
        return logOf(x, false);
    }

    /** {@code log(1 + x)}, as {@link VectorUnary}'s log1p computes it. */
    static float log1p(float x) {
        return logOf(x, true);
    }

    private static float logOf(float x, boolean plusOne) {
        float u = x + (plusOne ? 1f : 0f);
        boolean tiny = u < MIN_NORMAL;
        int bits = Float.floatToRawIntBits(tiny ? u * 33554432f : u);
        float fe = Float.intBitsToFloat((bits >>> 23) | 0x4B000000) - (8388608f + 127f);
        fe = fe - (tiny ? 25f : 0f);
        float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000);
        boolean big = m > SQRT2;
        m = big ? m * 0.5f : m;
        fe = fe + (big ? 1f : 0f);
        float f = m - 1f;
        float z = f * f;
        float y = Math.fma(f, 7.0376836292e-2f, -1.1514610310e-1f);
        y = Math.fma(y, f, 1.1676998740e-1f);
        y = Math.fma(y, f, -1.2420140846e-1f);
        y = Math.fma(y, f, 1.4249322787e-1f);
        y = Math.fma(y, f, -1.6668057665e-1f);
        y = Math.fma(y, f, 2.0000714765e-1f);
        y = Math.fma(y, f, -2.4999993993e-1f);
        y = Math.fma(y, f, 3.3333331174e-1f);
        y = y * f * z;
        y = Math.fma(z, -0.5f, Math.fma(fe, LN2_LO, y));
        float r = Math.fma(fe, LN2_HI, f + y);
        if (u == 0f) {
            r = Float.NEGATIVE_INFINITY;
        }
        if (u < 0f || u != u) {
            r = Float.NaN;
        }
        if (u == Float.POSITIVE_INFINITY) {
            r = Float.POSITIVE_INFINITY;
        }
        if (plusOne) {
            r = u == 1f ? x : r * (x / (u - 1f));
        }
        return x == Float.POSITIVE_INFINITY ? Float.POSITIVE_INFINITY : r;
    }
}
