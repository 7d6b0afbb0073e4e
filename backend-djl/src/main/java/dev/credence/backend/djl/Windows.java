package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;

/**
 * Convolution and pooling with PyTorch's own kernels ({@code conv2d}, {@code max_pool2d}, {@code
 * avg_pool2d}), which take the same NCHW layout, zero padding and floor rounding of output sizes as
 * the primitives. An empty batch never reaches PyTorch: its result is made directly.
 */
final class Windows {
    private Windows() {}

    static NDArray conv2d(
            NDManager m,
            NDArray x,
            NDArray w,
            Attributes.Conv2d a,
            dev.credence.api.backend.Shape out,
            DType dtype) {
        if (out.size() == 0) {
            return Creation.full(m, 0, out, dtype);
        }
        NDList r =
                x.getNDArrayInternal()
                        .convolution(
                                x,
                                w,
                                null,
                                new Shape(a.strideH(), a.strideW()),
                                new Shape(a.padH(), a.padW()),
                                new Shape(a.dilationH(), a.dilationW()),
                                1);
        return r.singletonOrThrow();
    }

    static NDArray pool(
            NDManager m,
            Primitive op,
            NDArray x,
            Attributes.Pool2d a,
            dev.credence.api.backend.Shape out,
            DType dtype) {
        if (out.size() == 0) {
            return Creation.full(m, 0, out, dtype);
        }
        Shape kernel = new Shape(a.kernelH(), a.kernelW());
        Shape stride = new Shape(a.strideH(), a.strideW());
        Shape pad = new Shape(a.padH(), a.padW());
        return op == Primitive.MAX_POOL2D
                ? x.getNDArrayInternal().maxPool(kernel, stride, pad, false)
                : x.getNDArrayInternal().avgPool(kernel, stride, pad, false, true);
    }
}
