package dev.credence.tck;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules R1-R4: reductions.
 *
 * <ul>
 *   <li>R1 sum over every subset of axes of a rank-3 tensor, with and without kept dims.
 *   <li>R2 max over the same subsets.
 *   <li>R3 over an empty axis the sum is 0 and the max is negative infinity.
 *   <li>R4 NaN propagates through max and sum; FLOAT32 sums of many terms stay accurate.
 * </ul>
 */
public interface ReductionContract extends KitFixture {

    private void checkAll(DType dt, boolean max) {
        Shape s = Shape.of(3, 4, 5);
        double[] x = Ref.uniform(dt.ordinal() + (max ? 100 : 0), s.size(), -2, 2);
        if (dt == DType.FLOAT32) {
            x = Ref.toFloatPrecision(x);
        }
        Tensor t = Tensor.of(backend(), x, dt, 3, 4, 5);
        int[][] subsets = {{}, {0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}, {0, 1, 2}};
        for (int[] axes : subsets) {
            int[] norm = s.normalizeAxes(axes, "ref");
            double[] expect = Ref.reduce(x, s, norm, max);
            for (boolean keep : new boolean[] {true, false}) {
                Tensor r = max ? t.max(keep, axes) : t.sum(keep, axes);
                String what =
                        (max ? "R2 max" : "R1 sum")
                                + " axes "
                                + java.util.Arrays.toString(axes)
                                + " keep="
                                + keep
                                + " "
                                + dt;
                Shape want = s.reduce(norm, keep);
                double rtol = dt == DType.FLOAT32 ? 1e-5 : 1e-12;
                Check.close(what, expect, want, r, rtol, dt == DType.FLOAT32 ? 1e-5 : 1e-12);
            }
        }
    }

    /**
     * R1.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("R1 sum over every subset of axes")
    default void r1Sum(DType dt) {
        checkAll(dt, false);
    }

    /**
     * R2.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("R2 max over every subset of axes")
    default void r2Max(DType dt) {
        checkAll(dt, true);
    }

    /** R3. */
    @Test
    @DisplayName("R3 reductions over an empty axis")
    default void r3Empty() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor e = Tensor.zeros(backend(), dt, 3, 0);
            Check.close("R3 sum " + dt, new double[] {0, 0, 0}, Shape.of(3), e.sum(1));
            double ninf = Double.NEGATIVE_INFINITY;
            Check.close(
                    "R3 max " + dt, new double[] {ninf, ninf, ninf}, Shape.of(3), e.max(false, 1));
        }
    }

    /** R4. */
    @Test
    @DisplayName("R4 NaN propagates; long FLOAT32 sums stay accurate")
    default void r4NanAndAccuracy() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor t = Tensor.of(backend(), new double[] {1, Double.NaN, 3, 4, 5, 6}, dt, 2, 3);
            Check.close(
                    "R4 max NaN " + dt, new double[] {Double.NaN, 6}, Shape.of(2), t.max(false, 1));
            Check.close("R4 sum NaN " + dt, new double[] {Double.NaN, 15}, Shape.of(2), t.sum(1));
        }
        int n = 1 << 20;
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 0.1f);
        double exact = n * (double) 0.1f;
        Tensor big = Tensor.of(backend(), ones, n);
        Check.values(
                "R4 FLOAT32 sum of 2^20 terms",
                new double[] {exact},
                new double[] {big.sum().item()},
                1e-5,
                0);
    }
}
