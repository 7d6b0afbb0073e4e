package dev.credence.backend.jvm;

import dev.credence.api.backend.Primitive;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 {@code exp}, {@code log}, {@code log1p} and the logistic sigmoid a vector at a time, with
 * the Vector API's plain arithmetic: range reduction and the minimax polynomials of Moshier's
 * Cephes library ({@code expf}, {@code logf}), within two ulps of the exact value, the very
 * operations of {@link dev.credence.api.backend.FloatMath} (the scalar path, equal bit for bit),
 * and {@code log1p(x) = log(u) x / (u - 1)} with {@code u = 1 + x} (Goldberg, "What every computer
 * scientist should know about floating-point arithmetic", 1991, Theorem 4). {@link Math#exp}
 * rounded to float takes about 15 ns an element; this about one.
 *
 * <p><b>Why not the API's own {@code EXP} and {@code LOG}.</b> The JIT compiles those to the JDK's
 * vector math library, but interpreted or C1-compiled code computes them lane by lane with {@link
 * Math}: the same call gave different bits before and after the JIT reached it, and a resumed
 * training run no longer equalled an uninterrupted one. Additions, multiplications, fused
 * multiply-adds and bit operations are exact IEEE operations in every tier, so these results never
 * depend on the JIT.
 *
 * <p>Each function's whole computation sits in its loop's body: C2 inlines a method only below 325
 * bytes of bytecode, and a vector passed to or returned from a method it did not inline is boxed, a
 * heap object per vector (megabytes per call; measured). The last, partial vector of a range runs
 * under a mask through the same code, so an element's value never depends on how a range was split
 * over threads. Loaded only when the module {@code jdk.incubator.vector} is present ({@link
 * Simd#AVAILABLE}).
 */
final class VectorUnary {
    private VectorUnary() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUNDER = 12582912f;

    private static final float LOG2E = 1.44269504088896341f;

    /** ln 2 in two parts (Cody and Waite): the first is exact in 9 bits. */
    private static final float LN2_HI = 0.693359375f;

    private static final float LN2_LO = -2.12194440e-4f;

    private static final float SQRT2 = 1.41421356f;

    /** The smallest normal float, 2^-126. */
    private static final float MIN_NORMAL = 1.17549435e-38f;

    /**
     * Whether {@link #apply} computes this op.
     *
     * @param op the primitive
     * @return true for the functions this class vectorises
     */
    static boolean supports(Primitive op) {
        return I.length() == S.length()
                && (op == Primitive.EXP
                        || op == Primitive.LOG
                        || op == Primitive.LOG1P
                        || op == Primitive.SIGMOID);
    }

    /** Computes {@code out[k] = op(in[k])} for {@code k} in {@code [lo, hi)}. */
    static void apply(Primitive op, float[] in, float[] out, int lo, int hi) {
        switch (op) {
            case EXP -> exp(in, out, lo, hi, false);
            case SIGMOID -> exp(in, out, lo, hi, true);
            case LOG -> log(in, out, lo, hi, false);
            case LOG1P -> log(in, out, lo, hi, true);
            default -> throw new IllegalArgumentException("not vectorised: " + op);
        }
    }

    /**
     * {@code e^x}, or the sigmoid {@code 1 / (1 + e^-x)}: {@code x = n ln 2 + r} with {@code |r| <=
     * ln 2 / 2}, a degree-7 polynomial for {@code e^r}, then {@code 2^n} in two factors so that
     * neither overflows before the result does (results below the normal range round once, into the
     * subnormals). Inputs are first clamped to {@code [-104, 89]}, beyond which the result is 0 or
     * infinity anyway; NaN stays NaN. The sigmoid's {@code e^-x} overflows to infinity below about
     * -88, giving 0.
     */
    private static void exp(float[] in, float[] out, int lo, int hi, boolean sigmoid) {
        float sign = sigmoid ? -1f : 1f;
        VectorMask<Float> plain = S.maskAll(!sigmoid);
        int k = lo;
        VectorMask<Float> lanes = S.maskAll(true);
        while (k < hi) {
            if (hi - k < S.length()) {
                lanes = S.indexInRange(k, hi);
            }
            FloatVector x = FloatVector.fromArray(S, in, k, lanes).mul(sign);
            FloatVector xc = x.max(-104f).min(89f);
            FloatVector t = xc.fma(LOG2E, ROUNDER);
            FloatVector n = t.sub(ROUNDER);
            IntVector ni = t.reinterpretAsInts().sub(0x4B400000);
            FloatVector r = n.fma(bc(-LN2_HI), xc);
            r = n.fma(bc(-LN2_LO), r);
            FloatVector z = r.mul(r);
            FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
            p = p.fma(r, bc(8.3334519073e-3f));
            p = p.fma(r, bc(4.1665795894e-2f));
            p = p.fma(r, bc(1.6666665459e-1f));
            p = p.fma(r, bc(5.0000001201e-1f));
            p = p.fma(z, r).add(1f);
            IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
            FloatVector e = p.mul(scale(half)).mul(scale(ni.sub(half)));
            bc(1f).div(e.add(1f)).blend(e, plain).intoArray(out, k, lanes);
            k += S.length();
        }
    }

    private static FloatVector bc(float v) {
        return FloatVector.broadcast(S, v);
    }

    /** {@code 2^n} for {@code -126 <= n <= 127}, from its exponent bits. */
    private static FloatVector scale(IntVector n) {
        return n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /**
     * {@code log(x)}, or {@code log(1 + x)}. The logarithm of {@code u}: {@code u = m 2^e} with
     * {@code m} in {@code [sqrt(1/2), sqrt(2))}, a degree-9 polynomial in {@code m - 1}, and {@code
     * e ln 2} added in two parts; subnormal inputs are scaled by {@code 2^25} first; 0 gives minus
     * infinity, negative numbers and NaN give NaN, infinity stays infinity. For {@code log1p}, with
     * {@code u = 1 + x} rounded, {@code log(u) x / (u - 1)} corrects the rounding of {@code u}, and
     * {@code x} itself is the answer where {@code u} rounds to 1.
     */
    private static void log(float[] in, float[] out, int lo, int hi, boolean plusOne) {
        float one = plusOne ? 1f : 0f;
        // Never equal to u in a plain log, so that the log1p-only selection below is a no-op.
        float unit = plusOne ? 1f : Float.NaN;
        VectorMask<Float> plain = S.maskAll(!plusOne);
        // Constants are broadcast once, outside the loop: the body is near C2's limit on the size
        // of a method it inlines into, past which calls stay calls and vectors are boxed.
        FloatVector zero = bc(0f);
        FloatVector c25 = bc(25f);
        FloatVector c1 = bc(1f);
        FloatVector p1 = bc(1.1676998740e-1f);
        FloatVector p2 = bc(-1.2420140846e-1f);
        FloatVector p3 = bc(1.4249322787e-1f);
        FloatVector p4 = bc(-1.6668057665e-1f);
        FloatVector p5 = bc(2.0000714765e-1f);
        FloatVector p6 = bc(-2.4999993993e-1f);
        FloatVector p7 = bc(3.3333331174e-1f);
        FloatVector lnLo = bc(LN2_LO);
        FloatVector lnHi = bc(LN2_HI);
        FloatVector minusHalf = bc(-0.5f);
        FloatVector negInf = bc(Float.NEGATIVE_INFINITY);
        FloatVector posInf = bc(Float.POSITIVE_INFINITY);
        FloatVector nan = bc(Float.NaN);
        int k = lo;
        VectorMask<Float> lanes = S.maskAll(true);
        while (k < hi) {
            if (hi - k < S.length()) {
                lanes = S.indexInRange(k, hi);
            }
            FloatVector x = FloatVector.fromArray(S, in, k, lanes);
            FloatVector u = x.add(one);
            // Every mask stays a float mask and every integer step an exact bit operation: mask
            // casts and int-to-float conversions are not compiled to vector code on JDK 17.
            VectorMask<Float> tiny = u.lt(MIN_NORMAL);
            IntVector bits = u.blend(u.mul(33554432f), tiny).reinterpretAsInts();
            // The biased exponent as a float: 2^23 + e in the mantissa bits, minus 2^23 + 127.
            FloatVector fe =
                    bits.lanewise(VectorOperators.LSHR, 23)
                            .or(0x4B000000)
                            .reinterpretAsFloats()
                            .sub(8388608f + 127f)
                            .sub(zero.blend(c25, tiny));
            FloatVector m = bits.and(0x007FFFFF).or(0x3F800000).reinterpretAsFloats();
            VectorMask<Float> big = m.compare(VectorOperators.GT, SQRT2);
            m = m.blend(m.mul(0.5f), big);
            fe = fe.add(zero.blend(c1, big));
            FloatVector f = m.sub(1f);
            FloatVector z = f.mul(f);
            FloatVector y = f.fma(7.0376836292e-2f, -1.1514610310e-1f);
            y = y.fma(f, p1).fma(f, p2).fma(f, p3).fma(f, p4).fma(f, p5).fma(f, p6).fma(f, p7);
            y = y.mul(f).mul(z);
            y = z.fma(minusHalf, fe.fma(lnLo, y));
            FloatVector r = fe.fma(lnHi, f.add(y));
            r = r.blend(negInf, u.eq(0f));
            r = r.blend(nan, u.lt(0f).or(u.compare(VectorOperators.NE, u)));
            r = r.blend(posInf, u.eq(Float.POSITIVE_INFINITY));
            FloatVector q = x.div(u.sub(1f)).blend(c1, plain);
            r = r.mul(q).blend(x, u.eq(unit));
            r.blend(posInf, x.eq(Float.POSITIVE_INFINITY)).intoArray(out, k, lanes);
            k += S.length();
        }
    }
}
