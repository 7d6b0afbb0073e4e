package dev.credence.backend.jvm;

import dev.credence.api.backend.Primitive;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 transcendental functions with the JDK's Vector API: a whole vector of lanes per call of
 * the JDK's vector math routines (on x86-64 the JDK's short-vector math library, which the JIT
 * calls for {@link FloatVector#lanewise} with {@link VectorOperators#EXP} and the like). The scalar
 * path rounds a double computation once per element, at about 15 ns an element for {@code exp};
 * these run at about a nanosecond, within an ulp or two of the exact value (the Vector API's
 * contract for these operators), which the conformance kit's FLOAT32 tolerances allow.
 *
 * <p>The last, partial vector of a range is computed under a mask by the same routine, so an
 * element's value never depends on how the range was split over threads. Loaded only when the
 * module {@code jdk.incubator.vector} is present ({@link Simd#AVAILABLE}).
 */
final class VectorUnary {
    private VectorUnary() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    /**
     * Whether {@link #apply} computes this op.
     *
     * @param op the primitive
     * @return true for the transcendental functions this class vectorises
     */
    static boolean supports(Primitive op) {
        return switch (op) {
            case EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID -> true;
            default -> false;
        };
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
            case EXP -> x.lanewise(VectorOperators.EXP);
            case LOG -> x.lanewise(VectorOperators.LOG);
            case LOG1P -> x.lanewise(VectorOperators.LOG1P);
            case EXPM1 -> x.lanewise(VectorOperators.EXPM1);
            case TANH -> x.lanewise(VectorOperators.TANH);
            // 1 / (1 + e^-x): e^-x overflows to infinity for x below about -88, giving 0.
            // 1 / (1 + e^-x): e^-x overflows to infinity below about -88, giving 0.
            case SIGMOID -> ONE.div(x.neg().lanewise(VectorOperators.EXP).add(1f));
            default -> throw new IllegalArgumentException("not vectorised: " + op);
        };
    }
}
