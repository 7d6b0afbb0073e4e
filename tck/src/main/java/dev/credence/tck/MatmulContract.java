package dev.credence.tck;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules M1-M4: matrix products.
 *
 * <ul>
 *   <li>M1 2-D products of many sizes, including sizes that straddle blocking and threading
 *       thresholds, match the triple loop.
 *   <li>M2 batched products broadcast their batch axes.
 *   <li>M3 an empty inner dimension gives zeros; empty outer dimensions give empty results.
 *   <li>M4 NaN and infinity in an operand propagate as in the triple loop.
 * </ul>
 */
public interface MatmulContract extends KitFixture {

    private void check(String what, DType dt, int m, int k, int n) {
        double[] a = Ref.uniform(m * 1000L + k, m * k, -1, 1);
        double[] b = Ref.uniform(k * 1000L + n + 7, k * n, -1, 1);
        if (dt == DType.FLOAT32) {
            a = Ref.toFloatPrecision(a);
            b = Ref.toFloatPrecision(b);
        }
        double[] expect = Ref.matmul(a, b, m, k, n);
        Tensor r =
                Tensor.of(backend(), a, dt, m, k)
                        .reshape(m, k)
                        .matmul(Tensor.of(backend(), b, dt, k, n).reshape(k, n));
        double tol = dt == DType.FLOAT32 ? 1e-6 * Math.max(1, k) : 1e-13 * Math.max(1, k);
        Check.close(
                what + " " + m + "x" + k + "x" + n + " " + dt, expect, Shape.of(m, n), r, tol, tol);
    }

    /**
     * M1.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("M1 2-D products of many sizes")
    default void m1Sizes(DType dt) {
        int[][] sizes = {
            {1, 1, 1},
            {1, 5, 1},
            {3, 4, 5},
            {7, 1, 9},
            {33, 65, 17},
            {64, 64, 64},
            {130, 70, 600},
            {257, 129, 131}
        };
        for (int[] s : sizes) {
            check("M1", dt, s[0], s[1], s[2]);
        }
    }

    /**
     * M2.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("M2 batched products broadcast batch axes")
    default void m2Batched(DType dt) {
        int[] as = {2, 1, 3, 4};
        int[] bs = {5, 4, 2};
        double[] a = Ref.uniform(1, 24, -1, 1);
        double[] b = Ref.uniform(2, 40, -1, 1);
        if (dt == DType.FLOAT32) {
            a = Ref.toFloatPrecision(a);
            b = Ref.toFloatPrecision(b);
        }
        double[] expect = new double[2 * 5 * 3 * 2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 5; j++) {
                double[] ai = java.util.Arrays.copyOfRange(a, i * 12, i * 12 + 12);
                double[] bj = java.util.Arrays.copyOfRange(b, j * 8, j * 8 + 8);
                System.arraycopy(Ref.matmul(ai, bj, 3, 4, 2), 0, expect, (i * 5 + j) * 6, 6);
            }
        }
        Tensor r = Tensor.of(backend(), a, dt, as).matmul(Tensor.of(backend(), b, dt, bs));
        Check.close("M2 " + dt, expect, Shape.of(2, 5, 3, 2), r, 1e-6, 1e-6);
    }

    /** M3. */
    @Test
    @DisplayName("M3 empty dimensions")
    default void m3Empty() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = Tensor.zeros(backend(), dt, 3, 0);
            Tensor b = Tensor.zeros(backend(), dt, 0, 2);
            Check.close("M3 k=0 " + dt, new double[6], Shape.of(3, 2), a.matmul(b));
            Tensor c = Tensor.zeros(backend(), dt, 0, 4);
            Tensor d = Tensor.ones(backend(), dt, 4, 2);
            Check.close("M3 m=0 " + dt, new double[0], Shape.of(0, 2), c.matmul(d));
        }
    }

    /** M4. */
    @Test
    @DisplayName("M4 NaN and infinity propagate")
    default void m4NonFinite() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = Tensor.of(backend(), new double[] {0, 1, 1, 0}, dt, 2, 2);
            Tensor b =
                    Tensor.of(
                            backend(),
                            new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY, 2},
                            dt,
                            2,
                            2);
            double[] expect =
                    Ref.matmul(
                            new double[] {0, 1, 1, 0},
                            new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY, 2},
                            2,
                            2,
                            2);
            Check.close("M4 " + dt, expect, Shape.of(2, 2), a.matmul(b), 0, 0);
        }
    }
}
