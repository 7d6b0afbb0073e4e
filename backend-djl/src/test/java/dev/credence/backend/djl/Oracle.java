package dev.credence.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;

/**
 * Runs the same primitive on the DJL backend and on the reference {@code jvm} backend and compares
 * the results element by element.
 */
final class Oracle {
    private Oracle() {}

    /** One DJL CPU backend for all tests of a JVM run. */
    static final DjlBackend DJL =
            (DjlBackend) new DjlCpuProvider().create(BackendConfig.defaults());

    /**
     * The reference backend, found as a service: the test class path has credence-backend-jvm, and
     * on the module path service binding resolves its module without this module reading it.
     */
    static final Backend JVM = Backends.discover().select("jvm");

    /**
     * A tolerance that accepts equal numbers whose bits differ: {@code -0.0} against {@code 0.0}.
     */
    static final double EQUAL_AS_NUMBERS = Double.MIN_VALUE;

    /** An operand given to both backends. */
    record Pair(Buffer djl, Buffer jvm) {}

    static Pair of(double[] v, DType dtype, int... dims) {
        Shape s = Shape.of(dims);
        return new Pair(DJL.fromDoubles(v, s, dtype), JVM.fromDoubles(v, s, dtype));
    }

    static Pair ints(int[] v, int... dims) {
        Shape s = Shape.of(dims);
        return new Pair(DJL.fromInts(v, s, DType.INT32), JVM.fromInts(v, s, DType.INT32));
    }

    /**
     * Asserts equal shape and dtype, and values equal within {@code rtol}. NaN equals NaN,
     * infinities match exactly, and with {@code rtol} 0 so must every bit, the sign of zero too.
     * Releases the DJL result.
     */
    static void same(String what, Buffer djl, Buffer jvm, double rtol) {
        assertEquals(jvm.shape(), djl.shape(), what + ": shape");
        assertEquals(jvm.dtype(), djl.dtype(), what + ": dtype");
        double[] a = DJL.toDoubles(djl);
        double[] e = JVM.toDoubles(jvm);
        assertEquals(e.length, a.length, what + ": number of elements");
        for (int i = 0; i < e.length; i++) {
            if (!close(e[i], a[i], rtol, djl.dtype() == DType.FLOAT32)) {
                fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
            }
        }
        DJL.release(djl);
    }

    /** Below the smallest normal float, FLOAT32 results may flush to zero. */
    private static boolean close(double e, double a, double rtol, boolean f32) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a);
        }
        if (rtol == 0) {
            return Double.doubleToLongBits(e) == Double.doubleToLongBits(a);
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            return e == a;
        }
        double atol = f32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
        return Math.abs(e - a) <= rtol * Math.abs(e) + atol;
    }
}
