package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.credence.api.backend.DType;

/**
 * Data movement: reshape, permute, broadcast, slice, concat, gather, one-hot and cast.
 *
 * <p>Reshape, permute, broadcast and slice return PyTorch views that share the input's storage;
 * that is allowed because no buffer is ever written after creation. Indices reach PyTorch as INT64,
 * converted here and closed here (DJL would otherwise convert them into a temporary that stays
 * attached to the manager).
 */
final class Movement {
    private Movement() {}

    static NDArray slice(NDArray x, int[] begin, int[] end) {
        NDIndex index = new NDIndex();
        for (int i = 0; i < begin.length; i++) {
            index.addSliceDim(begin[i], end[i]);
        }
        return x.get(index);
    }

    static NDArray concat(NDArray[] xs, int axis) {
        return NDArrays.concat(new NDList(xs), axis);
    }

    /** Advanced indexing {@code x[:, ..., :, idx]} with {@code axis} full slices before idx. */
    static NDArray gather(NDArray x, int axis, NDArray indices) {
        try (NDArray idx = indices.toType(DataType.INT64, false)) {
            return x.get(new NDIndex(":, ".repeat(axis) + "{}", idx));
        }
    }

    /** Compares {@code indices[..., None]} with {@code 0..depth-1}; out-of-range rows stay 0. */
    static NDArray oneHot(NDManager m, NDArray indices, int depth, DType dtype) {
        try (NDArray column = indices.expandDims(indices.getShape().dimension());
                NDArray classes = m.arange(0, depth, 1, DataType.INT32);
                NDArray hit = column.eq(classes)) {
            return hit.toType(Types.of(dtype), true);
        }
    }

    /**
     * Converts with Java's rules. Floating to INT32 goes through FLOAT64 with NaN replaced by 0 and
     * values clamped to the INT32 range, so it truncates and saturates as a Java cast does
     * (PyTorch's cast of NaN or out-of-range values is undefined and gives INT32 minimum).
     */
    static NDArray cast(NDArray x, DType from, DType to) {
        if (from == to) {
            return x.reshape(x.getShape());
        }
        if (to == DType.INT32 && from.isFloating()) {
            try (NDArray wide = x.toType(DataType.FLOAT64, true);
                    NDArray nan = wide.isNaN();
                    NDArray zero = wide.zerosLike();
                    NDArray real = zero.getNDArrayInternal().where(nan, wide);
                    NDArray low = real.maximum(Integer.MIN_VALUE);
                    NDArray clamped = low.minimum(Integer.MAX_VALUE)) {
                return clamped.toType(DataType.INT32, false);
            }
        }
        return x.toType(Types.of(to), true);
    }
}
