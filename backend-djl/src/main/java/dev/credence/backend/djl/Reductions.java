package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Sum and max over a set of axes.
 *
 * <p>Sums are PyTorch's own: for FLOAT32 it accumulates in vectorised cascades (partial sums of
 * blocks, added pairwise), whose error grows with the logarithm of the length, so a long sum of
 * small terms stays accurate without a widened copy of the input (the conformance kit's rule R4
 * checks 2^20 terms). Max propagates NaN (PyTorch's max does) and is negative infinity over an
 * empty axis, where PyTorch would refuse. DJL's max takes one axis at a time, so several axes are
 * reduced one after the other from the last, keeping dimensions, and the kept dimensions are
 * dropped at the end if asked.
 */
final class Reductions {
    private Reductions() {}

    static NDArray reduce(
            NDManager m, Primitive op, NDArray x, Shape in, DType dtype, int[] axes, boolean keep) {
        Shape out = in.reduce(axes, keep);
        if (axes.length == 0) {
            return x.reshape(Types.of(out));
        }
        return op == Primitive.SUM ? sum(x, dtype, axes, keep) : max(m, x, in, dtype, axes, out);
    }

    private static NDArray sum(NDArray x, DType dtype, int[] axes, boolean keep) {
        return x.sum(axes, keep);
    }

    private static NDArray max(
            NDManager m, NDArray x, Shape in, DType dtype, int[] axes, Shape out) {
        for (int a : axes) {
            if (in.dim(a) == 0) {
                return Creation.full(m, Double.NEGATIVE_INFINITY, out, dtype);
            }
        }
        if (out.size() == 0) {
            return m.create(Types.of(out), Types.of(dtype));
        }
        if (axes.length == in.rank()) {
            try (NDArray all = x.max()) {
                return all.reshape(Types.of(out));
            }
        }
        NDArray r = x;
        for (int k = axes.length - 1; k >= 0; k--) {
            NDArray next = r.max(new int[] {axes[k]}, true);
            if (r != x) {
                r.close();
            }
            r = next;
        }
        try {
            return r.reshape(Types.of(out));
        } finally {
            r.close();
        }
    }
}
