package dev.credence.backend.djl;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.Arrays;

/**
 * Buffer-level calls of single primitives through {@link Backend#execute}, with the result shape
 * computed here, so the tests can compare two backends kernel by kernel without the tensor layer.
 */
final class Kernels {
    private Kernels() {}

    private static Buffer run(
            Backend b, Primitive op, Attributes a, Shape s, DType dt, Buffer... in) {
        return b.execute(op, a, in, s, dt);
    }

    static Buffer unary(Backend b, Primitive op, Buffer x) {
        return run(b, op, Attributes.NONE, x.shape(), x.dtype(), x);
    }

    static Buffer binary(Backend b, Primitive op, Buffer x, Buffer y, Shape out) {
        return run(b, op, Attributes.NONE, out, x.dtype(), x, y);
    }

    static Buffer compare(Backend b, Primitive op, Buffer x, Buffer y, Shape out) {
        return run(b, op, Attributes.NONE, out, DType.BOOL, x, y);
    }

    static Buffer where(Backend b, Buffer c, Buffer x, Buffer y, Shape out) {
        return run(b, Primitive.WHERE, Attributes.NONE, out, x.dtype(), c, x, y);
    }

    static Buffer reduce(Backend b, Primitive op, Buffer x, int[] axes, boolean keep) {
        return run(
                b,
                op,
                new Attributes.Reduce(axes, keep),
                x.shape().reduce(axes, keep),
                x.dtype(),
                x);
    }

    static Buffer gather(Backend b, Buffer x, int axis, Buffer idx) {
        int[] d = x.shape().dims();
        Shape out =
                Shape.concat(
                        Shape.of(Arrays.copyOf(d, axis)),
                        idx.shape(),
                        Shape.of(Arrays.copyOfRange(d, axis + 1, d.length)));
        return run(b, Primitive.GATHER, new Attributes.Axis(axis), out, x.dtype(), x, idx);
    }

    static Buffer scatterAdd(Backend b, Shape out, int axis, Buffer idx, Buffer src) {
        return run(b, Primitive.SCATTER_ADD, new Attributes.Axis(axis), out, src.dtype(), idx, src);
    }

    static Buffer oneHot(Backend b, Buffer idx, int depth, DType dt) {
        Shape out = Shape.concat(idx.shape(), Shape.of(depth));
        return run(b, Primitive.ONE_HOT, Attributes.NONE, out, dt, idx);
    }

    static Buffer permute(Backend b, Buffer x, int[] perm) {
        int[] d = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            d[i] = x.shape().dim(perm[i]);
        }
        return run(
                b, Primitive.PERMUTE, new Attributes.Permutation(perm), Shape.of(d), x.dtype(), x);
    }

    static Buffer slice(Backend b, Buffer x, int[] begin, int[] end) {
        int[] d = new int[begin.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = end[i] - begin[i];
        }
        return run(b, Primitive.SLICE, new Attributes.Range(begin, end), Shape.of(d), x.dtype(), x);
    }

    static Buffer reshape(Backend b, Buffer x, Shape s) {
        return run(b, Primitive.RESHAPE, Attributes.NONE, s, x.dtype(), x);
    }

    static Buffer broadcastTo(Backend b, Buffer x, Shape s) {
        return run(b, Primitive.BROADCAST_TO, Attributes.NONE, s, x.dtype(), x);
    }

    static Buffer matmul(Backend b, Buffer x, Buffer y, Shape out) {
        return run(b, Primitive.MATMUL, Attributes.MatMul.PLAIN, out, x.dtype(), x, y);
    }

    static Buffer concat(Backend b, Buffer[] xs, int axis, Shape out) {
        return run(b, Primitive.CONCAT, new Attributes.Axis(axis), out, xs[0].dtype(), xs);
    }

    static Buffer cast(Backend b, Buffer x, DType to) {
        return run(b, Primitive.CAST, Attributes.NONE, x.shape(), to, x);
    }

    /** The primitives of one family, in declaration order. */
    static Primitive[] family(Primitive.Family f) {
        return Arrays.stream(Primitive.values())
                .filter(p -> p.family() == f)
                .toArray(Primitive[]::new);
    }
}
