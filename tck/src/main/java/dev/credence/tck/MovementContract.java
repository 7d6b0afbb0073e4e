package dev.credence.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules V1-V10: data movement.
 *
 * <ul>
 *   <li>V1 reshape keeps row-major order.
 *   <li>V2 permute of rank 3 and 4 matches the reference.
 *   <li>V3 broadcastTo repeats size-1 and missing axes.
 *   <li>V4 slice takes contiguous blocks on every axis.
 *   <li>V5 concat joins along any axis.
 *   <li>V6 gather selects by INT32 indices of any shape along any axis.
 *   <li>V7 scatterAdd accumulates duplicate indices.
 *   <li>V8 oneHot, with all-zero rows for out-of-range indices.
 *   <li>V9 cast between every pair of dtypes.
 *   <li>V10 results of permute, slice and broadcast (non-contiguous views in many libraries) feed
 *       every other kind of primitive correctly.
 *   <li>V11 index edge cases: a vector gathered by a matrix of indices, scatter-add with one index
 *       and with many duplicates, BOOL gather, slice and concat.
 *   <li>V12 casting non-finite and out-of-range floats to INT32 follows Java: NaN to 0, saturation
 *       at the INT32 limits.
 * </ul>
 */
public interface MovementContract extends KitFixture {

    private Tensor iota(DType dt, int... dims) {
        int n = Shape.of(dims).size();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Tensor.of(backend(), v, dt, dims);
    }

    private static double[] iotaValues(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    /**
     * V1-V3.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64", "INT32"})
    @DisplayName("V1-V3 reshape, permute and broadcastTo")
    default void v1to3(DType dt) {
        Tensor x = iota(dt, 2, 3, 4);
        Check.close("V1 reshape", iotaValues(24), Shape.of(4, 6), x.reshape(4, 6), 0, 0);
        Check.close("V1 reshape -1", iotaValues(24), Shape.of(2, 12), x.reshape(2, -1), 0, 0);
        int[] perm = {2, 0, 1};
        Check.close(
                "V2 permute rank 3",
                Ref.permute(iotaValues(24), Shape.of(2, 3, 4), perm),
                Shape.of(4, 2, 3),
                x.permute(perm),
                0,
                0);
        Tensor y = iota(dt, 2, 1, 3, 2);
        int[] perm4 = {3, 1, 0, 2};
        Check.close(
                "V2 permute rank 4",
                Ref.permute(iotaValues(12), Shape.of(2, 1, 3, 2), perm4),
                Shape.of(2, 1, 2, 3),
                y.permute(perm4),
                0,
                0);
        Tensor z = iota(dt, 3, 1);
        Check.close(
                "V3 broadcastTo",
                new double[] {0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2},
                Shape.of(2, 3, 2),
                z.broadcastTo(2, 3, 2),
                0,
                0);
        assertEquals(dt, z.broadcastTo(2, 3, 2).dtype(), "V3 dtype");
    }

    /**
     * V4-V5.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64", "INT32"})
    @DisplayName("V4-V5 slice and concat")
    default void v4v5(DType dt) {
        Tensor x = iota(dt, 3, 4);
        Check.close(
                "V4 slice",
                new double[] {5, 6, 9, 10},
                Shape.of(2, 2),
                x.slice(new int[] {1, 1}, new int[] {3, 3}),
                0,
                0);
        Check.close(
                "V4 empty slice",
                new double[0],
                Shape.of(0, 4),
                x.slice(new int[] {2, 0}, new int[] {2, 4}),
                0,
                0);
        Tensor a = iota(dt, 2, 2);
        Tensor b = iota(dt, 2, 1);
        Tensor c = iota(dt, 2, 3);
        Check.close(
                "V5 concat axis 1",
                new double[] {0, 1, 0, 0, 1, 2, 2, 3, 1, 3, 4, 5},
                Shape.of(2, 6),
                Tensor.concat(List.of(a, b, c), 1),
                0,
                0);
        Check.close(
                "V5 concat axis 0",
                new double[] {0, 1, 2, 3, 0, 1, 2, 3},
                Shape.of(4, 2),
                Tensor.concat(List.of(a, a), 0),
                0,
                0);
    }

    /**
     * V6-V7.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64", "INT32"})
    @DisplayName("V6-V7 gather and scatterAdd")
    default void v6v7(DType dt) {
        Tensor x = iota(dt, 3, 4);
        Tensor idx = Tensor.ofInts(backend(), new int[] {2, 0, 2, 1}, 2, 2);
        Check.close(
                "V6 gather axis 0",
                new double[] {8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7},
                Shape.of(2, 2, 4),
                x.gather(0, idx),
                0,
                0);
        Tensor cols = Tensor.ofInts(backend(), new int[] {3, 3, 0}, 3);
        Check.close(
                "V6 gather axis 1",
                new double[] {3, 3, 0, 7, 7, 4, 11, 11, 8},
                Shape.of(3, 3),
                x.gather(1, cols),
                0,
                0);
        Tensor src = Tensor.of(backend(), new double[] {1, 2, 3, 4, 5, 6}, dt, 3, 2);
        Tensor at = Tensor.ofInts(backend(), new int[] {1, 1, 0}, 3);
        Check.close(
                "V7 scatterAdd duplicates",
                new double[] {5, 6, 4, 6, 0, 0},
                Shape.of(3, 2),
                Indexing.scatterAdd(src, 0, at, 3, 2),
                0,
                0);
    }

    /** V8. */
    @Test
    @DisplayName("V8 oneHot")
    default void v8OneHot() {
        Tensor idx = Tensor.ofInts(backend(), new int[] {0, 2, 3, -1}, 4);
        for (DType dt : DType.values()) {
            Tensor h = Indexing.oneHot(idx, 3, dt);
            assertEquals(dt, h.dtype(), "V8 dtype");
            Check.close(
                    "V8 oneHot " + dt,
                    new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0},
                    Shape.of(4, 3),
                    h,
                    0,
                    0);
        }
    }

    /** V9. */
    @Test
    @DisplayName("V9 cast between every pair of dtypes")
    default void v9Cast() {
        double[] v = {-2.7, -0.0, 0.5, 3.0};
        for (DType from : DType.values()) {
            Tensor x = Tensor.of(backend(), v, from, 4);
            double[] stored = x.toDoubleArray();
            for (DType to : DType.values()) {
                double[] expect = new double[4];
                for (int i = 0; i < 4; i++) {
                    double s = stored[i];
                    expect[i] =
                            switch (to) {
                                case FLOAT64 -> s;
                                case FLOAT32 -> (float) s;
                                case INT32 -> (int) s;
                                case BOOL -> s != 0 ? 1 : 0;
                            };
                }
                Tensor y = x.cast(to);
                assertEquals(to, y.dtype(), "V9 dtype");
                Check.values("V9 " + from + " to " + to, expect, y.toDoubleArray(), 0, 0);
            }
        }
    }

    /**
     * V10.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("V10 permuted, sliced and broadcast results feed other primitives")
    default void v10NonContiguous(DType dt) {
        double[] xv = iotaValues(12);
        Tensor x = Tensor.of(backend(), xv, dt, 3, 4);
        Tensor xt = x.transpose();
        double[] xtv = Ref.permute(xv, Shape.of(3, 4), new int[] {1, 0});
        Check.close(
                "V10 permute->add",
                Ref.broadcast(xtv, Shape.of(4, 3), xtv, Shape.of(4, 3), Double::sum),
                Shape.of(4, 3),
                xt.add(xt),
                0,
                0);
        Check.close(
                "V10 permute->sum",
                Ref.reduce(xtv, Shape.of(4, 3), new int[] {1}, false),
                Shape.of(4, 1),
                xt.sum(true, 1),
                0,
                0);
        Tensor s = x.slice(new int[] {0, 1}, new int[] {3, 3});
        double[] sv = {1, 2, 5, 6, 9, 10};
        Check.close(
                "V10 permute->matmul",
                Ref.matmul(xtv, sv, 4, 3, 2),
                Shape.of(4, 2),
                xt.matmul(s),
                0,
                0);
        Tensor bc = Tensor.of(backend(), new double[] {1, 2, 3}, dt, 3, 1).broadcastTo(3, 4);
        Check.close(
                "V10 broadcast->mul",
                new double[] {0, 1, 2, 3, 8, 10, 12, 14, 24, 27, 30, 33},
                Shape.of(3, 4),
                bc.mul(x),
                0,
                0);
        Check.close(
                "V10 slice->exp",
                new double[] {
                    Math.exp(1), Math.exp(2), Math.exp(5), Math.exp(6), Math.exp(9), Math.exp(10)
                },
                Shape.of(3, 2),
                s.exp(),
                Check.rtol(dt) * 4,
                0);
    }

    /** V11. */
    @Test
    @DisplayName(
            "V11 index edge cases: vector by matrix indices, duplicate scatters, BOOL movement")
    default void v11IndexEdges() {
        Tensor v = Tensor.of(backend(), new double[] {10, 20, 30, 40}, 4);
        Tensor idx = Tensor.ofInts(backend(), new int[] {3, 0, 0, 2, 1, 3}, 2, 3);
        Check.close(
                "V11 gather rank-1 by rank-2",
                new double[] {40, 10, 10, 30, 20, 40},
                Shape.of(2, 3),
                v.gather(0, idx),
                0,
                0);
        Tensor src1 = Tensor.of(backend(), new double[] {5, 6}, 1, 2);
        Tensor at1 = Tensor.ofInts(backend(), new int[] {2}, 1);
        Check.close(
                "V11 scatterAdd one index",
                new double[] {0, 0, 0, 0, 5, 6},
                Shape.of(3, 2),
                Indexing.scatterAdd(src1, 0, at1, 3, 2),
                0,
                0);
        int n = 1000;
        int[] same = new int[n];
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        Tensor many =
                Indexing.scatterAdd(
                        Tensor.of(backend(), ones, n), 0, Tensor.ofInts(backend(), same, n), 2);
        Check.close("V11 scatterAdd 1000 duplicates", new double[] {n, 0}, Shape.of(2), many, 0, 0);
        Tensor mask = Tensor.of(backend(), new double[] {1, 0, 1, 1}, DType.BOOL, 2, 2);
        Tensor g = mask.gather(1, Tensor.ofInts(backend(), new int[] {1, 1, 0}, 3));
        assertEquals(DType.BOOL, g.dtype(), "V11 BOOL gather dtype");
        Check.close("V11 BOOL gather", new double[] {0, 0, 1, 1, 1, 1}, Shape.of(2, 3), g, 0, 0);
        Check.close(
                "V11 BOOL slice",
                new double[] {1, 1},
                Shape.of(1, 2),
                mask.slice(new int[] {1, 0}, new int[] {2, 2}),
                0,
                0);
        Check.close(
                "V11 BOOL concat",
                new double[] {1, 0, 1, 1, 1, 0, 1, 1},
                Shape.of(4, 2),
                Tensor.concat(List.of(mask, mask), 0),
                0,
                0);
    }

    /** V12. */
    @Test
    @DisplayName("V12 casting NaN, infinities and out-of-range floats to INT32 follows Java")
    default void v12CastEdges() {
        double[] v = {
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3e9, -3e9, -2.9
        };
        for (DType from : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = Tensor.of(backend(), v, from, 6);
            int[] expect = new int[6];
            double[] stored = x.toDoubleArray();
            for (int i = 0; i < 6; i++) {
                expect[i] = (int) stored[i];
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    expect, x.cast(DType.INT32).toIntArray(), "V12 cast " + from + " to INT32");
        }
    }
}
