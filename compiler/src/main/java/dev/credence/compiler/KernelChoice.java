package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Chooses the kernel of one primitive step for {@link HostCompiler}: the family's kernel, with
 * movement made as cheap as its offsets allow (an alias for a reshape or a value-keeping cast, a
 * block copy for consecutive elements, an indexed copy otherwise).
 */
final class KernelChoice {
    private KernelChoice() {}

    /**
     * The kernel of one primitive step: inputs in slots {@code in}, result in slot {@code y} of
     * shape {@code sy} and dtype {@code dy}; {@code shape} and {@code type} give every slot's.
     */
    static Kernel kernel(
            Primitive op,
            Attributes attrs,
            int[] in,
            int y,
            Shape sy,
            DType dy,
            Shape[] shape,
            DType[] type) {
        int x = in[0];
        Shape sx = shape[x];
        boolean integer = type[x] != DType.FLOAT64;
        return switch (op.family()) {
            case UNARY -> new ElementwiseKernels.Unary(op, x, y, sy.size(), integer);
            case BINARY, COMPARE ->
                    ElementwiseKernels.binary(op, x, sx, in[1], shape[in[1]], y, sy, integer);
            case SELECT ->
                    ElementwiseKernels.where(
                            x, sx, in[1], shape[in[1]], in[2], shape[in[2]], y, sy);
            case REDUCE ->
                    ReductionKernels.reduce(
                            op == Primitive.MAX, x, sx, ((Attributes.Reduce) attrs).axes(), y, sy);
            case SCAN ->
                    ReductionKernels.scan(
                            op == Primitive.CUMPROD, x, sx, (Attributes.Scan) attrs, y);
            case LINEAR_ALGEBRA -> linearAlgebra(op, attrs, in, y, sy, shape);
            case MOVEMENT -> movement(op, attrs, in, y, sy, dy, shape, type);
            case UPDATE -> new UpdateKernel(op, attrs, in.clone(), y, sy.size());
            case WINDOW ->
                    throw new UnsupportedOperationException(
                            "the host compiler has no kernel for "
                                    + op
                                    + "; a program with convolutions or pooling runs on its backend");
        };
    }

    private static Kernel linearAlgebra(
            Primitive op, Attributes attrs, int[] in, int y, Shape sy, Shape[] shape) {
        return switch (op) {
            case MATMUL ->
                    LinearAlgebraKernels.matmul(
                            in[0],
                            shape[in[0]],
                            in[1],
                            shape[in[1]],
                            (Attributes.MatMul) attrs,
                            y,
                            sy);
            case CHOLESKY -> new LinearAlgebraKernels.Cholesky(in[0], y, sy.dim(-1));
            case TRIANGULAR_SOLVE ->
                    new LinearAlgebraKernels.TriangularSolve(
                            in[0],
                            shape[in[0]],
                            in[1],
                            shape[in[1]],
                            (Attributes.Triangular) attrs,
                            y,
                            sy);
            default -> throw new IllegalStateException(op + " is not linear algebra");
        };
    }

    private static Kernel movement(
            Primitive op,
            Attributes attrs,
            int[] in,
            int y,
            Shape sy,
            DType dy,
            Shape[] shape,
            DType[] type) {
        int x = in[0];
        Shape sx = shape[x];
        return switch (op) {
            case RESHAPE -> new MovementKernels.Alias(x, y);
            case PERMUTE -> {
                int[] order = ((Attributes.Permutation) attrs).order();
                int[] strides = sx.strides();
                int[] s = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    s[i] = strides[order[i]];
                }
                yield take(x, y, sx.size(), Offsets.of(sy, s, 0));
            }
            case BROADCAST_TO -> take(x, y, sx.size(), Offsets.broadcast(sx, sy));
            case SLICE -> {
                int[] begin = ((Attributes.Range) attrs).begin();
                int[] strides = sx.strides();
                int base = 0;
                for (int i = 0; i < begin.length; i++) {
                    base += begin[i] * strides[i];
                }
                yield take(x, y, sx.size(), Offsets.of(sy, strides, base));
            }
            case CONCAT -> {
                int axis = ((Attributes.Axis) attrs).axis();
                int outer = product(sy.dims(), 0, axis);
                int[] sizes = new int[in.length];
                for (int i = 0; i < in.length; i++) {
                    sizes[i] = outer == 0 ? 0 : shape[in[i]].size() / outer;
                }
                yield new MovementKernels.Concat(in.clone(), sizes, outer, y);
            }
            case GATHER -> {
                int axis = ((Attributes.Axis) attrs).axis();
                int[] d = sx.dims();
                yield new MovementKernels.Gather(
                        x,
                        in[1],
                        y,
                        product(d, 0, axis),
                        d[axis],
                        product(d, axis + 1, d.length),
                        shape[in[1]].size());
            }
            case SCATTER_ADD -> {
                int axis = ((Attributes.Axis) attrs).axis();
                int[] d = sy.dims();
                yield new MovementKernels.ScatterAdd(
                        x,
                        in[1],
                        y,
                        product(d, 0, axis),
                        d[axis],
                        product(d, axis + 1, d.length),
                        sx.size());
            }
            case ONE_HOT -> new MovementKernels.OneHot(x, y, sx.size(), sy.dim(-1));
            case CAST -> cast(x, type[x], y, dy, sy.size());
            default -> throw new IllegalStateException(op + " is not movement");
        };
    }

    /**
     * An indexed copy; a block copy when the offsets are consecutive, and an alias when they are
     * the whole input in order.
     */
    static Kernel take(int x, int y, int inputSize, int[] offsets) {
        boolean consecutive = true;
        for (int k = 1; k < offsets.length && consecutive; k++) {
            consecutive = offsets[k] == offsets[0] + k;
        }
        if (consecutive && offsets.length > 0) {
            return offsets[0] == 0 && offsets.length == inputSize
                    ? new MovementKernels.Alias(x, y)
                    : new MovementKernels.Block(x, y, offsets[0], offsets.length);
        }
        return new MovementKernels.Take(x, y, offsets);
    }

    private static Kernel cast(int x, DType from, int y, DType to, int n) {
        boolean keeps =
                to == DType.FLOAT64 || (to == DType.INT32 && from == DType.BOOL) || from == to;
        return keeps ? new MovementKernels.Alias(x, y) : new MovementKernels.Cast(x, y, n, to);
    }

    private static int product(int[] d, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= d[i];
        }
        return p;
    }
}
