package dev.credence.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;

/** Assertions with tolerances by dtype; NaN must match NaN and infinities must match exactly. */
public final class Check {
    private Check() {}

    /**
     * Relative tolerance for exactly rounded arithmetic in a dtype.
     *
     * @param d the dtype
     * @return the tolerance
     */
    public static double rtol(DType d) {
        return d == DType.FLOAT32 ? 2e-6 : 1e-12;
    }

    /**
     * Absolute tolerance near zero in a dtype.
     *
     * @param d the dtype
     * @return the tolerance
     */
    public static double atol(DType d) {
        return d == DType.FLOAT32 ? 1e-6 : 1e-14;
    }

    /**
     * Asserts shape, dtype and values with the dtype's default tolerances.
     *
     * @param what the rule and case, for the message
     * @param expected expected values
     * @param shape expected shape
     * @param actual the tensor
     */
    public static void close(String what, double[] expected, Shape shape, Tensor actual) {
        close(what, expected, shape, actual, rtol(actual.dtype()), atol(actual.dtype()));
    }

    /**
     * Asserts shape and values within tolerances.
     *
     * @param what the rule and case, for the message
     * @param expected expected values
     * @param shape expected shape
     * @param actual the tensor
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     */
    public static void close(
            String what, double[] expected, Shape shape, Tensor actual, double rtol, double atol) {
        assertEquals(shape, actual.shape(), what + ": shape");
        values(what, expected, actual.toDoubleArray(), rtol, atol);
    }

    /**
     * Asserts values within tolerances.
     *
     * @param what the rule and case, for the message
     * @param expected expected values
     * @param actual actual values
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     */
    public static void values(
            String what, double[] expected, double[] actual, double rtol, double atol) {
        assertEquals(expected.length, actual.length, what + ": number of elements");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) || Double.isNaN(a)) {
                if (Double.isNaN(e) != Double.isNaN(a)) {
                    fail(what + ": element " + i + " expected " + e + " but was " + a);
                }
                continue;
            }
            if (Double.isInfinite(e) || Double.isInfinite(a)) {
                if (e != a) {
                    fail(what + ": element " + i + " expected " + e + " but was " + a);
                }
                continue;
            }
            if (Math.abs(e - a) > atol + rtol * Math.abs(e)) {
                fail(
                        what
                                + ": element "
                                + i
                                + " expected "
                                + e
                                + " but was "
                                + a
                                + " (|diff| "
                                + Math.abs(e - a)
                                + " > "
                                + (atol + rtol * Math.abs(e))
                                + ")");
            }
        }
    }
}
