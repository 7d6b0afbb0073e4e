package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Selecting and assembling elements: the SLICE, CONCAT, GATHER, SCATTER_ADD and ONE_HOT primitives
 * with their checks, and helpers built from them (narrowing, stacking, index ranges, packing the
 * lower triangle of matrices into vectors and back).
 *
 * <pre>{@code
 * Tensor rows = Indexing.gather(x, 0, idx);            // also x.gather(0, idx)
 * Tensor both = Indexing.stack(List.of(a, b), 0);
 * Tensor l = Indexing.vecToTril(v, 3, false);          // [..., 6] -> [..., 3, 3]
 * }</pre>
 *
 * <p>Index arguments are INT32 and are checked to be in range, which reads their values on the
 * host: inside a recorded {@link Program}, pass indices that the recording did not compute.
 */
public final class Indexing {
    private Indexing() {}

    /**
     * Takes the block {@code [begin[i], end[i])} along every axis.
     *
     * @param x the tensor
     * @param begin start indices, one per axis
     * @param end end indices (exclusive), one per axis
     * @return the block
     */
    public static Tensor slice(Tensor x, int[] begin, int[] end) {
        if (begin.length != x.rank() || end.length != x.rank()) {
            throw new IllegalArgumentException(
                    "slice: needs one begin and end per axis of shape " + x.shape());
        }
        int[] dims = new int[x.rank()];
        for (int i = 0; i < dims.length; i++) {
            if (begin[i] < 0 || end[i] > x.dim(i) || begin[i] > end[i]) {
                throw new IllegalArgumentException(
                        "slice: range ["
                                + begin[i]
                                + ", "
                                + end[i]
                                + ") on axis "
                                + i
                                + " is outside [0, "
                                + x.dim(i)
                                + "] of shape "
                                + x.shape());
            }
            dims[i] = end[i] - begin[i];
        }
        return Tensor.apply(
                Primitive.SLICE, new Attributes.Range(begin, end), Shape.of(dims), x.dtype(), x);
    }

    /**
     * Takes the range {@code [start, end)} along one axis.
     *
     * @param x the tensor
     * @param axis the axis
     * @param start first index
     * @param end end index, exclusive
     * @return the narrowed tensor
     */
    public static Tensor narrow(Tensor x, int axis, int start, int end) {
        int ax = x.shape().normalizeAxis(axis, "narrow");
        int[] begin = new int[x.rank()];
        int[] stop = x.shape().dims();
        begin[ax] = start;
        stop[ax] = end;
        return slice(x, begin, stop);
    }

    /**
     * Joins tensors along an existing axis.
     *
     * @param ts the tensors, at least one, same dtype, same sizes except along {@code axis}
     * @param axis the axis
     * @return the joined tensor
     */
    public static Tensor concat(List<Tensor> ts, int axis) {
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        Tensor first = ts.get(0);
        int ax = first.shape().normalizeAxis(axis, "concat");
        int[] od = first.shape().dims();
        od[ax] = 0;
        for (int i = 0; i < ts.size(); i++) {
            Tensor t = ts.get(i);
            Checks.sameBackend(first, t, "concat");
            Checks.sameDType(first, t, "concat");
            if (t.rank() != first.rank()) {
                throw new IllegalArgumentException(
                        "concat: tensor "
                                + i
                                + " has shape "
                                + t.shape()
                                + ", tensor 0 has "
                                + first.shape());
            }
            for (int d = 0; d < od.length; d++) {
                if (d != ax && t.dim(d) != first.dim(d)) {
                    throw new IllegalArgumentException(
                            "concat: along axis "
                                    + ax
                                    + ", tensor "
                                    + i
                                    + " has shape "
                                    + t.shape()
                                    + " but tensor 0 has "
                                    + first.shape()
                                    + " (they may differ only on the concat axis)");
                }
            }
            od[ax] += t.dim(ax);
        }
        if (ts.size() == 1) {
            return first;
        }
        return Tensor.apply(
                Primitive.CONCAT,
                new Attributes.Axis(ax),
                Shape.of(od),
                first.dtype(),
                ts.toArray(new Tensor[0]));
    }

    /**
     * Stacks tensors of equal shape along a new axis.
     *
     * @param ts the tensors, at least one
     * @param axis where the new axis goes
     * @return the stacked tensor
     */
    public static Tensor stack(List<Tensor> ts, int axis) {
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        List<Tensor> parts = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            if (!t.shape().equals(ts.get(0).shape())) {
                throw new IllegalArgumentException(
                        "stack: shapes differ: " + ts.get(0).shape() + " and " + t.shape());
            }
            parts.add(Shaping.unsqueeze(t, axis));
        }
        return concat(parts, axis);
    }

    /**
     * Selects slices along an axis by INT32 index.
     *
     * @param x the tensor
     * @param axis the axis
     * @param indices INT32 indices of any shape, each in {@code [0, x.dim(axis))}
     * @return a tensor of shape {@code shape[:axis] + indices.shape + shape[axis+1:]}
     */
    public static Tensor gather(Tensor x, int axis, Tensor indices) {
        int ax = x.shape().normalizeAxis(axis, "gather");
        Checks.indices(indices, x.dim(ax), "gather");
        Shape out = withIndexAxes(x.shape(), ax, indices.shape());
        return Tensor.apply(Primitive.GATHER, new Attributes.Axis(ax), out, x.dtype(), x, indices);
    }

    /**
     * Adds slices of {@code src} into a zero tensor of shape {@code dims} at the given indices
     * along {@code axis}; the adjoint of {@link #gather}.
     *
     * @param src the values, of shape {@code dims[:axis] + indices.shape + dims[axis+1:]}
     * @param axis the axis
     * @param indices INT32 indices, each in {@code [0, dims[axis])}
     * @param dims the result shape
     * @return the result
     */
    public static Tensor scatterAdd(Tensor src, int axis, Tensor indices, int... dims) {
        Shape out = Shape.of(dims);
        int ax = out.normalizeAxis(axis, "scatterAdd");
        Checks.indices(indices, out.dim(ax), "scatterAdd");
        Shape want = withIndexAxes(out, ax, indices.shape());
        if (!want.equals(src.shape())) {
            throw new IllegalArgumentException(
                    "scatterAdd: src must have shape " + want + ", found " + src.shape());
        }
        return Tensor.apply(
                Primitive.SCATTER_ADD, new Attributes.Axis(ax), out, src.dtype(), indices, src);
    }

    /** {@code s[:axis] + indices + s[axis+1:]}. */
    private static Shape withIndexAxes(Shape s, int axis, Shape indices) {
        int[] d = s.dims();
        return Shape.concat(
                Shape.of(Arrays.copyOf(d, axis)),
                indices,
                Shape.of(Arrays.copyOfRange(d, axis + 1, d.length)));
    }

    /**
     * One-hot encodes INT32 class indices along a new last axis; indices outside {@code [0, depth)}
     * give an all-zero row.
     *
     * @param indices INT32 indices
     * @param depth the number of classes
     * @param dtype the dtype of the result
     * @return a tensor of shape {@code indices.shape + [depth]}
     */
    public static Tensor oneHot(Tensor indices, int depth, DType dtype) {
        if (indices.dtype() != DType.INT32) {
            throw new IllegalArgumentException(
                    "oneHot: indices must be INT32, found " + indices.dtype());
        }
        if (depth < 0) {
            throw new IllegalArgumentException("oneHot: depth must be >= 0, found " + depth);
        }
        Shape out = Shape.concat(indices.shape(), Shape.of(depth));
        return Tensor.apply(Primitive.ONE_HOT, Attributes.NONE, out, dtype, indices);
    }

    /**
     * Creates the vector {@code 0, 1, ..., n-1}.
     *
     * @param b the backend
     * @param n the length
     * @param dtype the element type
     * @return the vector
     */
    public static Tensor arange(Backend b, int n, DType dtype) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Tensor.of(b, v, dtype, n);
    }

    /**
     * Indices of the lower triangle of a {@code d x d} matrix in row-major order.
     *
     * @param d the size
     * @param strict whether the diagonal is excluded
     * @return flat indices {@code i * d + j}
     */
    public static int[] trilIndices(int d, boolean strict) {
        int n = strict ? d * (d - 1) / 2 : d * (d + 1) / 2;
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < (strict ? i : i + 1); j++) {
                out[k++] = i * d + j;
            }
        }
        return out;
    }

    /**
     * Unpacks vectors into lower-triangular matrices, rows first, zeros elsewhere.
     *
     * @param v a tensor of shape {@code [..., n]}
     * @param d the matrix size; {@code n} must be {@code d(d-1)/2} (strict) or {@code d(d+1)/2}
     * @param strict whether the diagonal is left zero
     * @return matrices of shape {@code [..., d, d]}
     */
    public static Tensor vecToTril(Tensor v, int d, boolean strict) {
        int[] tril = trilIndices(d, strict);
        if (v.rank() == 0 || v.dim(-1) != tril.length) {
            throw new IllegalArgumentException(
                    "vecToTril: a "
                            + d
                            + "x"
                            + d
                            + (strict ? " strictly" : "")
                            + " lower triangle needs vectors of "
                            + tril.length
                            + ", found shape "
                            + v.shape());
        }
        // Position 0 of the padded vector is a zero; entry k of v sits at position k + 1.
        int[] src = new int[d * d];
        for (int k = 0; k < tril.length; k++) {
            src[tril[k]] = k + 1;
        }
        int[] lead = Arrays.copyOf(v.shape().dims(), v.rank() - 1);
        int[] one = Arrays.copyOf(lead, lead.length + 1);
        one[lead.length] = 1;
        Tensor padded = concat(List.of(Tensor.zeros(v.backend(), v.dtype(), one), v), -1);
        Tensor flat = gather(padded, -1, Tensor.ofInts(v.backend(), src, d * d));
        int[] out = Arrays.copyOf(lead, lead.length + 2);
        out[lead.length] = d;
        out[lead.length + 1] = d;
        return flat.reshape(out);
    }

    /**
     * Packs the lower triangle of square matrices into vectors, rows first.
     *
     * @param m a tensor of shape {@code [..., d, d]}
     * @param d the matrix size
     * @param strict whether the diagonal is left out
     * @return vectors of shape {@code [..., n]}
     */
    public static Tensor trilToVec(Tensor m, int d, boolean strict) {
        int[] lead = Arrays.copyOf(m.shape().dims(), m.rank() - 2);
        int[] tril = trilIndices(d, strict);
        int[] flatDims = Arrays.copyOf(lead, lead.length + 1);
        flatDims[lead.length] = d * d;
        return gather(m.reshape(flatDims), -1, Tensor.ofInts(m.backend(), tril, tril.length));
    }
}
