package dev.credence.api.backend;

/**
 * FLOAT32 {@code exp}, logistic sigmoid, {@code log} and {@code log1p} in single precision, for
 * backends: Moshier's Cephes range reductions and minimax polynomials ({@code expf}, {@code logf}),
 * within two ulps of the exact value. One element at a time they take 3.5 ({@code exp}) to 5.6
 * ({@code log1p}) ns on the machine of {@code bench/results/training.md}, where {@link Math#log} in
 * double takes 16; a vector at a time, far less.
 *
 * <p>Every step is an exact IEEE operation (additions, multiplications, fused multiply-adds, bit
 * manipulation), so a result never depends on the JIT or the processor. The pure-Java backend's
 * vectorised kernels run exactly this sequence of operations a vector at a time, and its test holds
 * the two equal bit for bit: a run may stop with the Vector API and resume without it. Another
 * backend that computes these functions on the host (ND4J's {@code log1p}) gives the same bits.
 *
 * <p>{@code exp} reduces {@code x = n ln 2 + r}, {@code |r| <= ln 2 / 2}, with {@code ln 2} in two
 * parts (Cody and Waite), takes a degree-7 polynomial for {@code e^r} and scales by {@code 2^n} in
 * two factors so that neither overflows before the result does; inputs are first clamped to {@code
 * [-104, 89]}. {@code log} writes {@code u = m 2^e} with {@code m} in {@code [sqrt(1/2), sqrt(2))}
 * (subnormals scaled by {@code 2^25} first) and takes a degree-9 polynomial in {@code m - 1}.
 * {@code log1p(x) = log(u) x / (u - 1)} with {@code u = 1 + x} rounded (Goldberg, "What every
 * computer scientist should know about floating-point arithmetic", 1991, Theorem 4), and {@code x}
 * itself where {@code u} rounds to 1.
 */
public final class FloatMath {
    private FloatMath() {}

    private static final float ROUNDER = 12582912f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final int SQRT2_BITS = Float.floatToRawIntBits(1.41421356f);
    private static final float MIN_NORMAL = 1.17549435e-38f;

    /**
     * {@code e^x}.
     *
     * @param x the argument
     * @return {@code e^x} within two ulps; 0 below about -103.97, infinity above about 88.72
     */
    public static float exp(float x) {
        return expOf(x, false);
    }

    /**
     * The logistic sigmoid.
     *
     * @param x the argument
     * @return {@code 1 / (1 + e^-x)} within three ulps; 0 below about -88.7
     */
    public static float sigmoid(float x) {
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

    /**
     * The natural logarithm.
     *
     * @param x the argument
     * @return {@code log x} within two ulps; minus infinity at 0, NaN below it
     */
    public static float log(float x) {
        return logOf(x, false);
    }

    /**
     * {@code log(1 + x)}, accurate near 0.
     *
     * @param x the argument
     * @return {@code log1p x} within two ulps; minus infinity at -1, NaN below it
     */
    public static float log1p(float x) {
        return logOf(x, true);
    }

    private static float logOf(float x, boolean plusOne) {
        float u = x + (plusOne ? 1f : 0f);
        boolean tiny = u < MIN_NORMAL;
        int bits = Float.floatToRawIntBits(tiny ? u * 33554432f : u);
        float fe = Float.intBitsToFloat((bits >>> 23) | 0x4B000000) - (8388608f + 127f);
        fe = fe - (tiny ? 25f : 0f);
        int mb = (bits & 0x007FFFFF) | 0x3F800000;
        // m > sqrt 2 as an integer 0 or 1, and m halved by its exponent bits: without a branch,
        // which on uniform mantissas mispredicted every other element (exact: m is in [1, 2)).
        int big = (SQRT2_BITS - mb) >>> 31;
        float m = Float.intBitsToFloat(mb - (big << 23));
        fe = fe + (float) big;
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
