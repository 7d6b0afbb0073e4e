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
 * Cephes library ({@code expf}, {@code logf}), within two ulps of the exact value, and {@code
 * log1p(x) = log(u) x / (u - 1)} with {@code u = 1 + x} (Goldberg, "What every computer scientist
 * should know about floating-point arithmetic", 1991, Theorem 4). The scalar path rounds a double
 * computation once per element, at about 15 ns an element for {@code exp}; these take about one.
 *
 * <p><b>Why not the API's own {@code EXP} and {@code LOG}.</b> The JIT compiles those to the JDK's
 * vector math library, but interpreted or C1-compiled code computes them lane by lane with {@link
 * Math}: the same call gave different bits before and after the JIT reached it, and a resumed
 * training run no longer equalled an uninterrupted one. Additions, multiplications, fused
 * multiply-adds and bit operations are exact IEEE operations in every tier, so these results never
 * depend on the JIT.
 *
 * <p>The last, partial vector of a range runs under a mask through the same code, so an element's
 * value never depends on how a range was split over threads. Loaded only when the module {@code
 * jdk.incubator.vector} is present ({@link Simd#AVAILABLE}).
 */
final class VectorUnary {
    private VectorUnary() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

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
        int k = lo;
        for (int upper = lo + S.loopBound(hi - lo); k < upper; k += S.length()) {
            of(op, FloatVector.fromArray(S, in, k)).intoArray(out, k);
        }
        if (k < hi) {
            VectorMask<Float> m = S.indexInRange(k, hi);
            of(op, FloatVector.fromArray(S, in, k, m)).intoArray(out, k, m);
        }
    }

    private static FloatVector of(Primitive op, FloatVector x) {
        return switch (op) {
            case EXP -> exp(x);
            case LOG -> log(x);
            case LOG1P -> log1p(x);
            // 1 / (1 + e^-x): e^-x overflows to infinity below about -88, giving 0.
            case SIGMOID -> ONE.div(exp(x.neg()).add(1f));
            default -> throw new IllegalArgumentException("not vectorised: " + op);
        };
    }

    /**
     * {@code e^x}: {@code x = n ln 2 + r} with {@code |r| <= ln 2 / 2}, a degree-7 polynomial for
     * {@code e^r}, then {@code 2^n} in two factors so that neither overflows before the result does
     * (results below the normal range round once, into the subnormals). Inputs are first clamped to
     * {@code [-104, 89]}, beyond which the result is 0 or infinity anyway; NaN stays NaN.
     */
    static FloatVector exp(FloatVector x) {
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
        FloatVector s1 = scale(half);
        FloatVector s2 = scale(ni.sub(half));
        return p.mul(s1).mul(s2);
    }

    private static FloatVector bc(float v) {
        return FloatVector.broadcast(S, v);
    }

    /** {@code 2^n} for {@code -126 <= n <= 127}, from its exponent bits. */
    private static FloatVector scale(IntVector n) {
        return n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /**
     * Natural logarithm: {@code x = m 2^e} with {@code m} in {@code [sqrt(1/2), sqrt(2))}, a
     * degree-9 polynomial in {@code m - 1}, and {@code e ln 2} added in two parts. Subnormal inputs
     * are scaled by {@code 2^25} first; 0 gives minus infinity, negative numbers and NaN give NaN,
     * infinity stays infinity.
     */
    static FloatVector log(FloatVector x) {
        VectorMask<Float> tiny = x.lt(MIN_NORMAL);
        FloatVector xs = x.blend(x.mul(33554432f), tiny);
        IntVector bits = xs.reinterpretAsInts();
        IntVector e =
                bits.lanewise(VectorOperators.LSHR, 23)
                        .sub(127)
                        .blend(bits.lanewise(VectorOperators.LSHR, 23).sub(127 + 25), tiny.cast(I));
        FloatVector m = bits.and(0x007FFFFF).or(0x3F800000).reinterpretAsFloats();
        VectorMask<Float> big = m.compare(VectorOperators.GT, SQRT2);
        m = m.blend(m.mul(0.5f), big);
        e = e.blend(e.add(1), big.cast(I));
        FloatVector fe = (FloatVector) e.convert(VectorOperators.I2F, 0);
        FloatVector f = m.sub(1f);
        FloatVector z = f.mul(f);
        FloatVector y = f.fma(7.0376836292e-2f, -1.1514610310e-1f);
        y = y.fma(f, bc(1.1676998740e-1f));
        y = y.fma(f, bc(-1.2420140846e-1f));
        y = y.fma(f, bc(1.4249322787e-1f));
        y = y.fma(f, bc(-1.6668057665e-1f));
        y = y.fma(f, bc(2.0000714765e-1f));
        y = y.fma(f, bc(-2.4999993993e-1f));
        y = y.fma(f, bc(3.3333331174e-1f));
        y = y.mul(f).mul(z);
        y = fe.fma(bc(LN2_LO), y);
        y = z.fma(bc(-0.5f), y);
        FloatVector r = f.add(y);
        r = fe.fma(bc(LN2_HI), r);
        r = r.blend(Float.NEGATIVE_INFINITY, x.eq(0f));
        r = r.blend(Float.NaN, x.lt(0f).or(x.test(VectorOperators.IS_NAN)));
        return r.blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY));
    }

    /**
     * {@code log(1 + x)}: with {@code u = 1 + x} rounded, {@code log(u) x / (u - 1)} corrects the
     * rounding of {@code u}, and {@code x} itself where {@code u} rounds to 1.
     */
    static FloatVector log1p(FloatVector x) {
        FloatVector u = x.add(1f);
        FloatVector d = u.sub(1f);
        FloatVector r = log(u).mul(x.div(d));
        r = r.blend(x, u.eq(1f));
        return r.blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY));
    }
}
