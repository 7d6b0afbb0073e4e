package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.Arrays;

/**
 * Operations that change a tensor's shape or the order of its axes but not its elements: the
 * RESHAPE, PERMUTE and BROADCAST_TO primitives with their checks, and transposes, squeezes and
 * flattening built from them.
 *
 * <pre>{@code
 * Tensor m = Shaping.reshape(v, 2, -1);     // also v.reshape(2, -1)
 * Tensor t = Shaping.transpose(m);          // swaps the last two axes
 * Tensor c = Shaping.unsqueeze(v, -1);      // a column
 * }</pre>
 */
public final class Shaping {
    private Shaping() {}

    /**
     * Gives the elements a new shape of the same size; one size may be -1 and is inferred.
     *
     * @param x the tensor
     * @param dims the new shape
     * @return the reshaped tensor ({@code x} itself if the shape is unchanged)
     */
    public static Tensor reshape(Tensor x, int... dims) {
        int[] d = dims.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException(
                            "reshape: only one size may be -1, found " + Arrays.toString(dims));
                }
                infer = i;
            } else {
                known *= d[i];
            }
        }
        if (infer >= 0) {
            d[infer] = known == 0 ? 0 : (int) (x.size() / known);
        }
        Shape s = Shape.of(d);
        if (s.size() != x.size()) {
            throw new IllegalArgumentException(
                    "reshape: cannot view shape "
                            + x.shape()
                            + " ("
                            + x.size()
                            + " elements) as "
                            + Arrays.toString(dims));
        }
        if (s.equals(x.shape())) {
            return x;
        }
        return Tensor.apply(Primitive.RESHAPE, Attributes.NONE, s, x.dtype(), x);
    }

    /**
     * Reorders axes: result axis {@code i} is axis {@code perm[i]} of {@code x}.
     *
     * @param x the tensor
     * @param perm a permutation of the axes; negative axes count from the end
     * @return the permuted tensor ({@code x} itself for the identity)
     */
    public static Tensor permute(Tensor x, int... perm) {
        if (perm.length != x.rank()) {
            throw new IllegalArgumentException(
                    "permute: needs "
                            + x.rank()
                            + " axes for shape "
                            + x.shape()
                            + ", found "
                            + Arrays.toString(perm));
        }
        int[] p = new int[perm.length];
        int[] dims = new int[perm.length];
        boolean[] seen = new boolean[perm.length];
        boolean identity = true;
        for (int i = 0; i < perm.length; i++) {
            p[i] = x.shape().normalizeAxis(perm[i], "permute");
            if (seen[p[i]]) {
                throw new IllegalArgumentException(
                        "permute: axis " + p[i] + " repeated in " + Arrays.toString(perm));
            }
            seen[p[i]] = true;
            identity &= p[i] == i;
            dims[i] = x.dim(p[i]);
        }
        if (identity) {
            return x;
        }
        return Tensor.apply(
                Primitive.PERMUTE, new Attributes.Permutation(p), Shape.of(dims), x.dtype(), x);
    }

    /**
     * Swaps two axes.
     *
     * @param x a tensor of rank at least 2
     * @param a one axis
     * @param b the other axis
     * @return the tensor with the two axes exchanged
     */
    public static Tensor swapAxes(Tensor x, int a, int b) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException(
                    "transpose: needs rank >= 2, found shape " + x.shape());
        }
        int[] perm = new int[x.rank()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        int ia = x.shape().normalizeAxis(a, "transpose");
        int ib = x.shape().normalizeAxis(b, "transpose");
        perm[ia] = ib;
        perm[ib] = ia;
        return permute(x, perm);
    }

    /**
     * Swaps the last two axes: the transpose of each trailing matrix.
     *
     * @param x a tensor of rank at least 2
     * @return the transposed tensor
     */
    public static Tensor transpose(Tensor x) {
        return swapAxes(x, -2, -1);
    }

    /**
     * Broadcasts to a larger shape.
     *
     * @param x the tensor
     * @param dims the target shape, which {@code x}'s shape broadcasts to
     * @return the broadcast tensor ({@code x} itself if the shape is unchanged)
     */
    public static Tensor broadcastTo(Tensor x, int... dims) {
        Shape s = Shape.of(dims);
        if (s.equals(x.shape())) {
            return x;
        }
        if (!x.shape().broadcastsTo(s)) {
            throw new IllegalArgumentException(
                    "broadcastTo: shape " + x.shape() + " cannot be broadcast to " + s);
        }
        return Tensor.apply(Primitive.BROADCAST_TO, Attributes.NONE, s, x.dtype(), x);
    }

    /**
     * Inserts an axis of size 1.
     *
     * @param x the tensor
     * @param axis where the new axis goes, in {@code [-rank-1, rank]}
     * @return the expanded tensor
     */
    public static Tensor unsqueeze(Tensor x, int axis) {
        int r = x.rank();
        if (axis < -r - 1 || axis > r) {
            throw new IllegalArgumentException(
                    "unsqueeze: axis " + axis + " out of range for shape " + x.shape());
        }
        int ax = axis < 0 ? axis + r + 1 : axis;
        int[] d = x.shape().dims();
        int[] out = new int[r + 1];
        System.arraycopy(d, 0, out, 0, ax);
        out[ax] = 1;
        System.arraycopy(d, ax, out, ax + 1, r - ax);
        return reshape(x, out);
    }

    /**
     * Removes an axis of size 1.
     *
     * @param x the tensor
     * @param axis the axis
     * @return the squeezed tensor
     */
    public static Tensor squeeze(Tensor x, int axis) {
        int ax = x.shape().normalizeAxis(axis, "squeeze");
        if (x.dim(ax) != 1) {
            throw new IllegalArgumentException(
                    "squeeze: axis "
                            + ax
                            + " of shape "
                            + x.shape()
                            + " has size "
                            + x.dim(ax)
                            + ", not 1");
        }
        int[] d = x.shape().dims();
        int[] out = new int[d.length - 1];
        System.arraycopy(d, 0, out, 0, ax);
        System.arraycopy(d, ax + 1, out, ax, d.length - ax - 1);
        return reshape(x, out);
    }

    /**
     * Flattens to one dimension.
     *
     * @param x the tensor
     * @return a vector of {@code x.size()} elements
     */
    public static Tensor flatten(Tensor x) {
        return reshape(x, x.size());
    }
}
