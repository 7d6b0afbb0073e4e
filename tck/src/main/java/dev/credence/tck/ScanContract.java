package dev.credence.tck;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules S1-S3: cumulative sums and products (CUMSUM, CUMPROD).
 *
 * <ul>
 *   <li>S1 along every axis of a rank-3 tensor, inclusive and exclusive, forward and reverse, both
 *       primitives match a sequential loop in double.
 *   <li>S2 NaN and infinities propagate as in the sequential loop; an exclusive scan never includes
 *       the entry itself (so a NaN does not reach its own position).
 *   <li>S3 empty tensors and axes of length 1.
 * </ul>
 */
public interface ScanContract extends KitFixture {

    /**
     * The sequential reference: a running total along {@code axis} of a row-major array.
     *
     * @param x the values
     * @param s their shape
     * @param axis the axis
     * @param product whether to multiply (else add)
     * @param exclusive whether entry k leaves itself out
     * @param reverse whether to run from the end
     * @return the scan
     */
    static double[] scan(
            double[] x, Shape s, int axis, boolean product, boolean exclusive, boolean reverse) {
        int len = s.dim(axis);
        int inner = 1;
        for (int i = axis + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        int outer = len * inner == 0 ? 0 : x.length / (len * inner);
        double[] out = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                double acc = product ? 1 : 0;
                for (int step = 0; step < len; step++) {
                    int k = o * len * inner + (reverse ? len - 1 - step : step) * inner + j;
                    if (exclusive) {
                        out[k] = acc;
                    }
                    acc = product ? acc * x[k] : acc + x[k];
                    if (!exclusive) {
                        out[k] = acc;
                    }
                }
            }
        }
        return out;
    }

    private static Tensor apply(
            Tensor t, int axis, boolean product, boolean exclusive, boolean reverse) {
        return product
                ? Reductions.cumprod(t, axis, exclusive, reverse)
                : Reductions.cumsum(t, axis, exclusive, reverse);
    }

    /**
     * S1.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("S1 cumulative sums and products along every axis, every variant")
    default void s1Variants(DType dt) {
        Shape s = Shape.of(3, 4, 5);
        for (boolean product : new boolean[] {false, true}) {
            // Products of values near 1 stay well scaled over the longest axis.
            double[] x =
                    Ref.uniform(product ? 5 : 6, s.size(), product ? 0.5 : -2, product ? 1.5 : 2);
            if (dt == DType.FLOAT32) {
                x = Ref.toFloatPrecision(x);
            }
            Tensor t = Tensor.of(backend(), x, dt, 3, 4, 5);
            for (int axis = 0; axis < 3; axis++) {
                for (boolean ex : new boolean[] {false, true}) {
                    for (boolean rev : new boolean[] {false, true}) {
                        double[] want = scan(x, s, axis, product, ex, rev);
                        double tol = dt == DType.FLOAT32 ? 2e-6 * 5 : 1e-14 * 5;
                        Check.close(
                                "S1 "
                                        + (product ? "cumprod" : "cumsum")
                                        + " axis "
                                        + axis
                                        + (ex ? " exclusive" : "")
                                        + (rev ? " reverse" : "")
                                        + " "
                                        + dt,
                                want,
                                s,
                                apply(t, axis, product, ex, rev),
                                tol,
                                tol);
                    }
                }
            }
        }
    }

    /** S2. */
    @Test
    @DisplayName("S2 NaN and infinities propagate as in the sequential loop")
    default void s2NonFinite() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        double[] x = {1, inf, -inf, 2, 0, nan, 3, 0.5};
        Shape s = Shape.of(2, 4);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor t = Tensor.of(backend(), x, dt, 2, 4);
            for (boolean product : new boolean[] {false, true}) {
                for (boolean ex : new boolean[] {false, true}) {
                    for (boolean rev : new boolean[] {false, true}) {
                        Check.close(
                                "S2 "
                                        + (product ? "cumprod" : "cumsum")
                                        + (ex ? " exclusive" : "")
                                        + (rev ? " reverse" : "")
                                        + " "
                                        + dt,
                                scan(x, s, 1, product, ex, rev),
                                s,
                                apply(t, 1, product, ex, rev),
                                0,
                                0);
                    }
                }
            }
        }
    }

    /** S3. */
    @Test
    @DisplayName("S3 empty tensors and axes of length 1")
    default void s3Edges() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor empty = Tensor.zeros(backend(), dt, 2, 0, 3);
            Check.close(
                    "S3 empty cumsum " + dt,
                    new double[0],
                    Shape.of(2, 0, 3),
                    Reductions.cumsum(empty, 1, true, true));
            Check.close(
                    "S3 empty cumprod " + dt,
                    new double[0],
                    Shape.of(2, 0, 3),
                    Reductions.cumprod(empty, 2));
            Tensor col = Tensor.of(backend(), new double[] {2, -3}, dt, 2, 1);
            Check.close(
                    "S3 length-1 exclusive cumprod " + dt,
                    new double[] {1, 1},
                    Shape.of(2, 1),
                    Reductions.cumprod(col, 1, true, false),
                    0,
                    0);
            Check.close(
                    "S3 length-1 reverse cumsum " + dt,
                    new double[] {2, -3},
                    Shape.of(2, 1),
                    Reductions.cumsum(col, 1, false, true),
                    0,
                    0);
        }
    }
}
