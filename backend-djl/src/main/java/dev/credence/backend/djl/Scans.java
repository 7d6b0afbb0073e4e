package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Cumulative sums and products with PyTorch's {@code cumsum} and {@code cumprod}, which run forward
 * and inclusive. A reverse scan flips the axis before and after (PyTorch's flip copies); an
 * exclusive scan shifts the inclusive result one place along the axis, filling with the identity (0
 * or 1) rather than subtracting the input, which would turn infinities into NaN.
 */
final class Scans {
    private Scans() {}

    static NDArray apply(
            NDManager m, Primitive op, NDArray x, Shape shape, DType dtype, Attributes.Scan s) {
        int axis = s.axis();
        int len = shape.dim(axis);
        if (shape.size() == 0) {
            return x.duplicate();
        }
        NDArray in = s.reverse() ? x.flip(axis) : x;
        NDArray r = op == Primitive.CUMSUM ? in.cumSum(axis) : in.cumProd(axis);
        if (in != x) {
            in.close();
        }
        if (s.exclusive()) {
            int[] one = shape.dims();
            one[axis] = 1;
            int[] begin = new int[shape.rank()];
            int[] end = shape.dims();
            end[axis] = len - 1;
            try (NDArray identity =
                            Creation.full(m, op == Primitive.CUMSUM ? 0 : 1, Shape.of(one), dtype);
                    NDArray head = Movement.slice(r, begin, end)) {
                NDArray shifted = Movement.concat(new NDArray[] {identity, head}, axis);
                r.close();
                r = shifted;
            }
        }
        if (s.reverse()) {
            NDArray back = r.flip(axis);
            r.close();
            r = back;
        }
        return r;
    }
}
