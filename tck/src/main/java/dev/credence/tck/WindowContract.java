package dev.credence.tck;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Convolutions;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules W1-W4: sliding windows over images (convolution and pooling).
 *
 * <ul>
 *   <li>W1 CONV2D matches the direct sum for a table of geometries: strides, padding, dilation,
 *       rectangular kernels, one and many channels, batches large enough to reach threading
 *       thresholds.
 *   <li>W2 MAX_POOL2D and AVG_POOL2D match the direct loops for tiling, overlapping, padded and
 *       rectangular windows, and windows that leave rows unused.
 *   <li>W3 NaN and infinities: a NaN in a window makes its maximum NaN; padding never wins a
 *       maximum, so a window of minus infinities gives minus infinity; average pooling divides by
 *       the whole window, padding included.
 *   <li>W4 an empty batch gives an empty result of the right shape.
 * </ul>
 */
public interface WindowContract extends KitFixture {

    /** One convolution geometry: input and kernel shapes and the attributes. */
    private void conv(String what, DType dt, int[] xs, int[] ks, Attributes.Conv2d a) {
        double[] x = Ref.uniform(Shape.of(xs).size() + 11L, Shape.of(xs).size(), -1, 1);
        double[] k = Ref.uniform(Shape.of(ks).size() + 29L, Shape.of(ks).size(), -1, 1);
        if (dt == DType.FLOAT32) {
            x = Ref.toFloatPrecision(x);
            k = Ref.toFloatPrecision(k);
        }
        int ho = WindowRef.extent(xs[2], a.padH(), a.dilationH() * (ks[2] - 1) + 1, a.strideH());
        int wo = WindowRef.extent(xs[3], a.padW(), a.dilationW() * (ks[3] - 1) + 1, a.strideW());
        double[] expect = WindowRef.conv2d(x, xs, k, ks, a, ho, wo);
        Tensor r =
                Convolutions.conv2d(
                        Tensor.of(backend(), x, dt, xs).reshape(xs),
                        Tensor.of(backend(), k, dt, ks).reshape(ks),
                        a);
        int terms = ks[1] * ks[2] * ks[3];
        double tol = dt == DType.FLOAT32 ? 1e-6 * terms : 1e-13 * terms;
        Check.close(
                what + " x" + Shape.of(xs) + " w" + Shape.of(ks) + " " + a + " " + dt,
                expect,
                Shape.of(xs[0], ks[0], ho, wo),
                r,
                tol,
                tol);
    }

    /**
     * W1.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("W1 CONV2D matches the direct sum")
    default void w1Convolution(DType dt) {
        conv("W1", dt, new int[] {1, 1, 5, 5}, new int[] {1, 1, 3, 3}, Attributes.Conv2d.VALID);
        conv("W1", dt, new int[] {2, 3, 6, 7}, new int[] {4, 3, 3, 3}, pad(1, 1));
        conv("W1", dt, new int[] {2, 2, 7, 6}, new int[] {3, 2, 3, 2}, conv(2, 1, 1, 0, 1, 1));
        conv("W1", dt, new int[] {1, 2, 9, 9}, new int[] {2, 2, 3, 3}, conv(1, 2, 2, 1, 2, 2));
        conv("W1", dt, new int[] {2, 1, 8, 8}, new int[] {2, 1, 1, 1}, conv(3, 3, 1, 1, 1, 1));
        conv("W1", dt, new int[] {1, 2, 4, 4}, new int[] {1, 2, 5, 5}, pad(2, 2));
        // Large enough for the threaded paths of the reference backend.
        conv("W1", dt, new int[] {5, 8, 16, 16}, new int[] {8, 8, 3, 3}, pad(1, 1));
        conv("W1", dt, new int[] {1, 16, 12, 12}, new int[] {4, 16, 12, 12}, pad(1, 1));
    }

    /**
     * W2.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("W2 MAX_POOL2D and AVG_POOL2D match the direct loops")
    default void w2Pooling(DType dt) {
        Attributes.Pool2d[] windows = {
            Attributes.Pool2d.tiles(2),
            new Attributes.Pool2d(3, 3, 2, 2, 1, 1),
            new Attributes.Pool2d(2, 3, 1, 2, 1, 0),
            Attributes.Pool2d.tiles(3)
        };
        int[] xs = {2, 3, 7, 8};
        double[] x = Ref.uniform(5, Shape.of(xs).size(), -2, 2);
        if (dt == DType.FLOAT32) {
            x = Ref.toFloatPrecision(x);
        }
        Tensor t = Tensor.of(backend(), x, dt, xs).reshape(xs);
        for (Attributes.Pool2d a : windows) {
            int ho = WindowRef.extent(xs[2], a.padH(), a.kernelH(), a.strideH());
            int wo = WindowRef.extent(xs[3], a.padW(), a.kernelW(), a.strideW());
            Shape out = Shape.of(xs[0], xs[1], ho, wo);
            Check.close(
                    "W2 max " + a + " " + dt,
                    WindowRef.pool(x, xs, a, true, ho, wo),
                    out,
                    Convolutions.maxPool2d(t, a));
            Check.close(
                    "W2 avg " + a + " " + dt,
                    WindowRef.pool(x, xs, a, false, ho, wo),
                    out,
                    Convolutions.avgPool2d(t, a),
                    Check.rtol(dt) * 10,
                    Check.atol(dt) * 10);
        }
    }

    /**
     * W3.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("W3 NaN and infinities in windows")
    default void w3NonFinite(DType dt) {
        double inf = Double.POSITIVE_INFINITY;
        double[] x = {
            Double.NaN, 1, 2, 3, -inf, -inf, 5, -inf, -inf, -inf, inf, 0, -inf, -inf, 1, 2
        };
        int[] xs = {1, 1, 4, 4};
        Tensor t = Tensor.of(backend(), x, dt, xs).reshape(xs);
        Attributes.Pool2d tiles = Attributes.Pool2d.tiles(2);
        Check.close(
                "W3 max tiles " + dt,
                new double[] {Double.NaN, 5, -inf, inf},
                Shape.of(1, 1, 2, 2),
                Convolutions.maxPool2d(t, tiles));
        Attributes.Pool2d padded = new Attributes.Pool2d(2, 2, 2, 2, 1, 1);
        Check.close(
                "W3 max padded " + dt,
                WindowRef.pool(x, xs, padded, true, 3, 3),
                Shape.of(1, 1, 3, 3),
                Convolutions.maxPool2d(t, padded));
        double[] ones = {1, 1, 1, 1};
        Tensor u = Tensor.of(backend(), ones, dt, 1, 1, 2, 2).reshape(1, 1, 2, 2);
        Check.close(
                "W3 avg padded " + dt,
                new double[] {0.25, 0.25, 0.25, 0.25},
                Shape.of(1, 1, 2, 2),
                Convolutions.avgPool2d(u, padded));
    }

    /** W4. */
    @Test
    @DisplayName("W4 an empty batch gives an empty result")
    default void w4EmptyBatch() {
        Tensor x = Tensor.zeros(backend(), DType.FLOAT64, 0, 2, 5, 5);
        Tensor w = Tensor.ones(backend(), DType.FLOAT64, 3, 2, 3, 3);
        Check.close(
                "W4 conv2d",
                new double[0],
                Shape.of(0, 3, 5, 5),
                Convolutions.conv2d(x, w, pad(1, 1)));
        Check.close(
                "W4 maxPool2d",
                new double[0],
                Shape.of(0, 2, 2, 2),
                Convolutions.maxPool2d(x, Attributes.Pool2d.tiles(2)));
    }

    private static Attributes.Conv2d pad(int ph, int pw) {
        return new Attributes.Conv2d(1, 1, ph, pw, 1, 1);
    }

    private static Attributes.Conv2d conv(int sh, int sw, int ph, int pw, int dh, int dw) {
        return new Attributes.Conv2d(sh, sw, ph, pw, dh, dw);
    }
}
