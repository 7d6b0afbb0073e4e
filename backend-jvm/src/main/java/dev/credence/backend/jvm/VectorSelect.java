package dev.credence.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 {@code where} ({@link Selection}) a vector at a time, for inputs that are contiguous
 * (stride 1) or one broadcast value (stride 0): a blend under a mask. The plain loop branches on
 * every element, which a ReLU's half-random mask mispredicts (2.7 ns an element). The results are
 * the plain loop's bit for bit. Loaded only when {@link Simd#AVAILABLE}.
 *
 * <p>The arithmetic ops stay plain loops, which the JIT vectorises by itself: written with the
 * Vector API and an operator chosen at run time they were four times slower, because the API
 * compiles to vector instructions only where the operator is a constant.
 */
final class VectorSelect {
    private VectorSelect() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    /**
     * {@code o[k] = c[k] != 0 ? x[k sx] : y[k sy]} for {@code k} in {@code [lo, hi)}, strides 0 or
     * 1.
     */
    static void where(int[] c, float[] x, int sx, float[] y, int sy, float[] o, int lo, int hi) {
        FloatVector cx = sx == 0 ? FloatVector.broadcast(S, x[0]) : null;
        FloatVector cy = sy == 0 ? FloatVector.broadcast(S, y[0]) : null;
        int k = lo;
        if (I.length() == S.length()) {
            for (int upper = lo + S.loopBound(hi - lo); k < upper; k += S.length()) {
                VectorMask<Float> pick =
                        IntVector.fromArray(I, c, k).compare(VectorOperators.NE, 0).cast(S);
                FloatVector a = cx != null ? cx : FloatVector.fromArray(S, x, k);
                FloatVector b = cy != null ? cy : FloatVector.fromArray(S, y, k);
                b.blend(a, pick).intoArray(o, k);
            }
        }
        for (; k < hi; k++) {
            o[k] = c[k] != 0 ? x[k * sx] : y[k * sy];
        }
    }
}
