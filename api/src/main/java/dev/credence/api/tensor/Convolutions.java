package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Sliding windows over images {@code [N, C, H, W]}: two-dimensional convolution and max and average
 * pooling, the CONV2D, MAX_POOL2D and AVG_POOL2D primitives with their checks.
 *
 * <pre>{@code
 * Tensor h = Convolutions.conv2dSame(x, w);                        // [N, O, H, W] for 3x3 w
 * h = h.add(bias.reshape(1, -1, 1, 1)).relu();
 * Tensor p = Convolutions.maxPool2d(h, Attributes.Pool2d.tiles(2)); // [N, O, H/2, W/2]
 * }</pre>
 *
 * <p>Convolution is cross-correlation, as in PyTorch and cuDNN: the kernel is not flipped. Every
 * operation is differentiable, twice and more: the gradient of a convolution with respect to its
 * input is a convolution of the (stride-dilated) cotangent with the flipped kernel, and with
 * respect to its kernel a convolution of the input with the cotangent; both are CONV2D again
 * (Dumoulin and Visin 2016, "A guide to convolution arithmetic for deep learning", section 4).
 * Pooling gradients route the cotangent back through the windows with movement primitives.
 */
public final class Convolutions {
    private Convolutions() {}

    /**
     * Convolves images with a bank of kernels.
     *
     * @param x the images {@code [N, C, H, W]}, floating
     * @param w the kernels {@code [O, C, kh, kw]}, same dtype
     * @param a stride, padding and dilation
     * @return {@code [N, O, Ho, Wo]} with {@code Ho = floor((H + 2 ph - dh (kh - 1) - 1) / sh) + 1}
     */
    public static Tensor conv2d(Tensor x, Tensor w, Attributes.Conv2d a) {
        Checks.sameBackend(x, w, "conv2d");
        Checks.sameDType(x, w, "conv2d");
        Checks.floating(x, "conv2d");
        images(x, "conv2d");
        if (w.rank() != 4 || w.dim(1) != x.dim(1)) {
            throw new IllegalArgumentException(
                    "conv2d: kernels must be [O, C, kh, kw] with C = "
                            + x.dim(1)
                            + " input channels, found shape "
                            + w.shape()
                            + " for input "
                            + x.shape());
        }
        int ho = extent(x.dim(2), a.padH(), a.dilationH() * (w.dim(2) - 1) + 1, a.strideH());
        int wo = extent(x.dim(3), a.padW(), a.dilationW() * (w.dim(3) - 1) + 1, a.strideW());
        if (ho < 1 || wo < 1) {
            throw new IllegalArgumentException(
                    "conv2d: the padded input "
                            + x.shape()
                            + " with "
                            + a
                            + " is smaller than the dilated kernel "
                            + w.shape());
        }
        Shape out = Shape.of(x.dim(0), w.dim(0), ho, wo);
        return Tensor.apply(Primitive.CONV2D, a, out, x.dtype(), x, w);
    }

    /**
     * Convolves with stride 1 and no dilation, padding so that odd kernels keep the image size.
     *
     * @param x the images {@code [N, C, H, W]}
     * @param w the kernels {@code [O, C, kh, kw]}, odd sizes keep {@code H} and {@code W}
     * @return {@code [N, O, H + 2 (kh / 2) - kh + 1, ...]}
     */
    public static Tensor conv2dSame(Tensor x, Tensor w) {
        if (w.rank() != 4) {
            throw new IllegalArgumentException(
                    "conv2d: kernels must be [O, C, kh, kw], found shape " + w.shape());
        }
        return conv2d(x, w, new Attributes.Conv2d(1, 1, w.dim(2) / 2, w.dim(3) / 2, 1, 1));
    }

    /**
     * Takes the maximum over each window; the gradient goes to the window's largest entry (split
     * equally between ties).
     *
     * @param x the images {@code [N, C, H, W]}, floating
     * @param a window, stride and padding
     * @return {@code [N, C, Ho, Wo]} with {@code Ho = floor((H + 2 ph - kh) / sh) + 1}
     */
    public static Tensor maxPool2d(Tensor x, Attributes.Pool2d a) {
        return pool(Primitive.MAX_POOL2D, x, a);
    }

    /**
     * Averages over each window, padding counted as zeros in a divisor of {@code kh kw}.
     *
     * @param x the images {@code [N, C, H, W]}, floating
     * @param a window, stride and padding
     * @return {@code [N, C, Ho, Wo]} with {@code Ho = floor((H + 2 ph - kh) / sh) + 1}
     */
    public static Tensor avgPool2d(Tensor x, Attributes.Pool2d a) {
        return pool(Primitive.AVG_POOL2D, x, a);
    }

    private static Tensor pool(Primitive op, Tensor x, Attributes.Pool2d a) {
        String name = op.opName();
        Checks.floating(x, name);
        images(x, name);
        int ho = extent(x.dim(2), a.padH(), a.kernelH(), a.strideH());
        int wo = extent(x.dim(3), a.padW(), a.kernelW(), a.strideW());
        if (ho < 1 || wo < 1) {
            throw new IllegalArgumentException(
                    name + ": the padded input " + x.shape() + " is smaller than the " + a);
        }
        return Tensor.apply(op, a, Shape.of(x.dim(0), x.dim(1), ho, wo), x.dtype(), x);
    }

    /** The number of window positions along an axis: {@code floor((n + 2 pad - span) / s) + 1}. */
    static int extent(int n, int pad, int span, int stride) {
        int room = n + 2 * pad - span;
        return room < 0 ? 0 : room / stride + 1;
    }

    private static void images(Tensor x, String op) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(
                    op + ": needs images [N, C, H, W], found shape " + x.shape());
        }
    }
}
