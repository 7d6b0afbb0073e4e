package dev.credence.backend.nd4j;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.HostPooling;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Convolution and pooling through libnd4j's {@code conv2d}, {@code maxpool2d} and {@code avgpool2d}
 * (NCHW images, kernels {@code [O, C, kh, kw]}, explicit padding). libnd4j's maximum skips NaN, so
 * max pooling of an image that holds one runs on the host with the API's reference kernel ({@link
 * HostPooling}). An empty batch never reaches libnd4j.
 */
final class Windows {
    private Windows() {}

    /** libnd4j's NCHW data format and [O, C, kh, kw] weight format. */
    private static final long NCHW = 0;

    private static final long OIHW = 1;

    static Nd4jBuffer conv2d(
            Allocator mem, Nd4jBuffer x, Nd4jBuffer w, Attributes.Conv2d a, Shape out) {
        Nd4jBuffer r = mem.allocate(x.dtype, out);
        if (out.size() == 0) {
            return r;
        }
        long[] args = {
            w.shape.dim(2),
            w.shape.dim(3),
            a.strideH(),
            a.strideW(),
            a.padH(),
            a.padW(),
            a.dilationH(),
            a.dilationW(),
            0,
            NCHW,
            OIHW
        };
        Exec.runI("conv2d", args, r.array, x.array, w.array);
        return r;
    }

    static Nd4jBuffer pool(
            Allocator mem, Primitive op, Nd4jBuffer x, Attributes.Pool2d a, Shape out) {
        boolean max = op == Primitive.MAX_POOL2D;
        if (out.size() == 0) {
            return mem.allocate(x.dtype, out);
        }
        if (max && Scan.anyNaN(x)) {
            double[] v = HostPooling.pool(op, Transfer.toDoubles(x), x.shape, a, out);
            return x.dtype == DType.FLOAT64
                    ? Transfer.fromDoubles(mem, v, out, x.dtype)
                    : Transfer.fromDoubles(mem, v, out, DType.FLOAT32);
        }
        Nd4jBuffer r = mem.allocate(x.dtype, out);
        long[] args = {
            a.kernelH(),
            a.kernelW(),
            a.strideH(),
            a.strideW(),
            a.padH(),
            a.padW(),
            1,
            1,
            0,
            max ? 0 : INCLUDE_PADDING,
            NCHW
        };
        Exec.runI(max ? "maxpool2d" : "avgpool2d", args, r.array, x.array);
        return r;
    }

    /** avgpool2d's divisor mode that counts padding cells, so the divisor is always kh kw. */
    private static final long INCLUDE_PADDING = 1;
}
