package dev.credence.backend.djl;

import static dev.credence.backend.djl.Oracle.DJL;
import static dev.credence.backend.djl.Oracle.JVM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reductions, movement and conversions against the reference, on the awkward cases. */
class DjlMovementTest {

    static double[] iota(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i - n / 3.0;
        }
        return v;
    }

    @Test
    @DisplayName("casts truncate and saturate like Java, NaN to INT32 is 0")
    void casts() {
        double[] v = {
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            1e20,
            -1e20,
            2.5,
            -2.5,
            -0.0,
            2147483647.0,
            2147483648.0,
            -2147483649.0,
            0.75
        };
        for (DType from : DType.values()) {
            var x = Oracle.of(v, from, 3, 4);
            for (DType to : DType.values()) {
                Oracle.same(
                        from + " to " + to,
                        Kernels.cast(DJL, x.djl(), to),
                        Kernels.cast(JVM, x.jvm(), to),
                        0);
            }
            assertArrayEquals(JVM.toInts(x.jvm()), DJL.toInts(x.djl()), "toInts from " + from);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("max over several axes propagates NaN; sums over any axes")
    void reductions(DType dt) {
        double[] v = iota(2 * 3 * 4 * 5);
        v[17] = Double.NaN;
        v[40] = Double.POSITIVE_INFINITY;
        var x = Oracle.of(v, dt, 2, 3, 4, 5);
        int[][] subsets = {{}, {0}, {3}, {0, 2}, {1, 3}, {0, 1, 3}, {1, 2, 3}, {0, 1, 2, 3}};
        for (int[] axes : subsets) {
            for (boolean keep : new boolean[] {false, true}) {
                for (Primitive op : Kernels.family(Primitive.Family.REDUCE)) {
                    Oracle.same(
                            op + " " + java.util.Arrays.toString(axes) + " keep=" + keep,
                            Kernels.reduce(DJL, op, x.djl(), axes, keep),
                            Kernels.reduce(JVM, op, x.jvm(), axes, keep),
                            dt == DType.FLOAT32 ? 0 : 1e-15);
                }
            }
        }
    }

    @Test
    @DisplayName("max over an empty axis is -inf; over empty kept axes the result is empty")
    void emptyReductions() {
        var x = Oracle.of(new double[0], DType.FLOAT32, 2, 0, 3);
        for (int[] axes : new int[][] {{1}, {0, 1}, {0}, {2}, {0, 2}}) {
            Oracle.same(
                    "max " + java.util.Arrays.toString(axes),
                    Kernels.reduce(DJL, Primitive.MAX, x.djl(), axes, false),
                    Kernels.reduce(JVM, Primitive.MAX, x.jvm(), axes, false),
                    0);
        }
    }

    @Test
    @DisplayName("gather with 2-D indices along a middle axis, and its adjoint with NaN and inf")
    void gatherScatter() {
        var x = Oracle.of(iota(2 * 5 * 3), DType.FLOAT64, 2, 5, 3);
        var idx = Oracle.ints(new int[] {4, 0, 4, 2, 1, 1}, 2, 3);
        Buffer g = Kernels.gather(DJL, x.djl(), 1, idx.djl());
        assertEquals(Shape.of(2, 2, 3, 3), g.shape());
        Oracle.same("gather", g, Kernels.gather(JVM, x.jvm(), 1, idx.jvm()), 0);
        double[] src = iota(2 * 6 * 3);
        src[3] = Double.NaN;
        src[10] = Double.POSITIVE_INFINITY;
        src[28] = Double.NEGATIVE_INFINITY;
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32}) {
            var s = Oracle.of(src, dt, 2, 2, 3, 3);
            Shape out = Shape.of(2, 5, 3);
            Oracle.same(
                    "scatterAdd " + dt,
                    Kernels.scatterAdd(DJL, out, 1, idx.djl(), s.djl()),
                    Kernels.scatterAdd(JVM, out, 1, idx.jvm(), s.jvm()),
                    0);
        }
        var scalarIndex = Oracle.ints(new int[] {3}, new int[0]);
        Oracle.same(
                "gather with a scalar index",
                Kernels.gather(DJL, x.djl(), 1, scalarIndex.djl()),
                Kernels.gather(JVM, x.jvm(), 1, scalarIndex.jvm()),
                0);
    }

    @Test
    @DisplayName("full is exact for values a float cannot hold; oneHot ignores out-of-range")
    void fullAndOneHot() {
        Shape s = Shape.of(2, 2);
        for (double v : new double[] {16777217, 1.0 / 3, -0.0, 2147483647.0, Double.NaN}) {
            for (DType dt : DType.values()) {
                Oracle.same("full " + v + " " + dt, DJL.full(v, s, dt), JVM.full(v, s, dt), 0);
            }
        }
        var idx = Oracle.ints(new int[] {0, 4, -1, 3, 2, 7}, 2, 3);
        for (DType dt : DType.values()) {
            Oracle.same(
                    "oneHot " + dt,
                    Kernels.oneHot(DJL, idx.djl(), 5, dt),
                    Kernels.oneHot(JVM, idx.jvm(), 5, dt),
                    0);
        }
    }

    @Test
    @DisplayName("views feed later ops; batched matmul broadcasts a 2-D operand")
    void viewsAndMatmul() {
        var x = Oracle.of(iota(24), DType.FLOAT64, 2, 3, 4);
        int[] perm = {2, 0, 1};
        Buffer p = Kernels.permute(DJL, x.djl(), perm);
        Buffer pj = Kernels.permute(JVM, x.jvm(), perm);
        Buffer sl = Kernels.slice(DJL, p, new int[] {1, 0, 1}, new int[] {3, 2, 3});
        Buffer slj = Kernels.slice(JVM, pj, new int[] {1, 0, 1}, new int[] {3, 2, 3});
        Oracle.same(
                "slice of permute",
                Kernels.reshape(DJL, sl, Shape.of(8)),
                Kernels.reshape(JVM, slj, Shape.of(8)),
                0);
        var b = Oracle.of(iota(4 * 2), DType.FLOAT64, 4, 2);
        Shape out = Shape.of(2, 3, 2);
        Oracle.same(
                "matmul [2,3,4] x [4,2]",
                Kernels.matmul(DJL, x.djl(), b.djl(), out),
                Kernels.matmul(JVM, x.jvm(), b.jvm(), out),
                1e-15);
        Buffer row = Kernels.slice(DJL, p, new int[] {0, 0, 0}, new int[] {1, 2, 3});
        Buffer rowJ = Kernels.slice(JVM, pj, new int[] {0, 0, 0}, new int[] {1, 2, 3});
        Buffer[] parts = {p, Kernels.broadcastTo(DJL, row, Shape.of(3, 2, 3))};
        Buffer[] partsJ = {pj, Kernels.broadcastTo(JVM, rowJ, Shape.of(3, 2, 3))};
        Shape cat = Shape.of(7, 2, 3);
        Oracle.same(
                "concat of permuted and broadcast views",
                Kernels.concat(DJL, parts, 0, cat),
                Kernels.concat(JVM, partsJ, 0, cat),
                0);
    }

    @Test
    @DisplayName("copyTo moves a buffer between DJL backends without the host")
    void copyTo() {
        var x = Oracle.of(iota(6), DType.FLOAT32, 2, 3);
        try (DjlBackend other =
                (DjlBackend)
                        new DjlCpuProvider()
                                .create(dev.credence.api.backend.BackendConfig.defaults())) {
            Buffer y = DJL.copyTo(x.djl(), other);
            assertEquals(x.djl().shape(), y.shape());
            assertArrayEquals(DJL.toFloats(x.djl()), other.toFloats(y));
            other.release(y);
        }
    }
}
