package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.SliceCopies;

/**
 * GATHER from a dense source in host memory as slice copies ({@link SliceCopies}), where libtorch's
 * advanced indexing (what DJL's {@code get} calls) computes every element's offset. The source must
 * be dense and row-major ({@link DjlBuffer#dense}); should it not be, DJL's view of its memory
 * would be a copy, which the scope here closes.
 */
final class HostGather {
    private HostGather() {}

    static NDArray apply(
            NDManager m,
            NDArray x,
            Shape xs,
            int axis,
            NDArray indices,
            int count,
            Shape out,
            DType dtype) {
        int[] idx = Creation.toInts(indices, DType.INT32, count);
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= xs.dim(i);
        }
        int dim = xs.dim(axis);
        int slice = xs.size() == 0 ? 0 : xs.size() / (outer * dim) * dtype.byteSize();
        NDArray r = m.create(Types.of(out), Types.of(dtype));
        if (out.size() == 0) {
            return r;
        }
        try (NDScope copies = new NDScope()) {
            SliceCopies.gather(
                    idx,
                    outer,
                    dim,
                    slice,
                    SliceCopies.between(x.toByteBuffer(true), r.toByteBuffer(true)));
        }
        return r;
    }
}
