package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.SliceCopies;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Index-driven movement: gather, its adjoint scatter-add, and one-hot encoding.
 *
 * <p>Gather copies whole slices on the host ({@link SliceCopies}): libnd4j's {@code gather} took
 * about 250 us to select a VAE minibatch, 128 rows of a [60000, 784] data set, and this 130; it
 * also crashed on a vector with a matrix of indices and has no kernel for BOOL.
 *
 * <p>Scatter-add is libnd4j's {@code scatter_add} into zeros, which sums rows with equal indices.
 * It works along the first axis, so for a later axis the source is viewed as {@code [outer, m,
 * inner]}, permuted to {@code [m, outer, inner]}, summed and permuted back.
 */
final class Indexing {
    private Indexing() {}

    static Nd4jBuffer gather(Allocator mem, Nd4jBuffer x, int axis, Nd4jBuffer indices) {
        int[] xd = x.shape.dims();
        int[] id = indices.shape.dims();
        int[] od = new int[xd.length - 1 + id.length];
        System.arraycopy(xd, 0, od, 0, axis);
        System.arraycopy(id, 0, od, axis, id.length);
        System.arraycopy(xd, axis + 1, od, axis + id.length, xd.length - axis - 1);
        Shape out = Shape.of(od);
        Nd4jBuffer r = mem.allocate(x.dtype, out);
        if (out.size() == 0) {
            return r;
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= xd[i];
        }
        long slice = (long) x.size() / Math.max(1, outer * xd[axis]) * x.dtype.byteSize();
        int[] idx = HostIo.readInts(indices.array, indices.size());
        SliceCopies.gather(idx, outer, xd[axis], slice, HostIo.copier(x.array, r.array));
        return r;
    }

    static Nd4jBuffer scatterAdd(
            Allocator mem, Shape out, int axis, Nd4jBuffer indices, Nd4jBuffer src) {
        DType dt = src.dtype;
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= out.dim(i);
        }
        int len = out.dim(axis);
        int inner = out.size() / Math.max(1, outer * len);
        int m = indices.size();
        if (out.size() == 0) {
            return mem.allocate(dt, out);
        }
        if (m == 0 || inner == 0) {
            return Transfer.full(mem, 0, out, dt);
        }
        if (axis == 0) {
            // scatter_add's own layout: updates are indices.shape + out.shape[1:].
            Nd4jBuffer r = Transfer.full(mem, 0, out, dt);
            scatter(r.array, indices.array, src.array);
            return r;
        }
        INDArray ids = indices.array.reshape('c', new long[] {m});
        Shape moved = Shape.of(m, outer, inner);
        INDArray srcMoved = mem.temp(dt, moved);
        Exec.runI(
                "permute",
                new long[] {1, 0, 2},
                srcMoved,
                src.array.reshape('c', new long[] {outer, m, inner}));
        Shape summedShape = Shape.of(len, outer, inner);
        INDArray summed = mem.temp(dt, summedShape);
        summed.assign(0);
        scatter(summed, ids, srcMoved);
        Nd4jBuffer r = mem.allocate(dt, out);
        Exec.runI(
                "permute",
                new long[] {1, 0, 2},
                r.array.reshape('c', new long[] {outer, len, inner}),
                summed);
        mem.free(srcMoved, dt, moved);
        mem.free(summed, dt, summedShape);
        return r;
    }

    /** Adds each row of {@code updates} into row {@code ids[i]} of {@code target}, in place. */
    private static void scatter(INDArray target, INDArray ids, INDArray updates) {
        // Locking makes duplicate indices accumulate correctly; without it updates race.
        Exec.runB("scatter_add", new boolean[] {true, false}, target, target, ids, updates);
    }

    static Nd4jBuffer oneHot(Allocator mem, Nd4jBuffer indices, int depth, DType dtype) {
        int[] id = indices.shape.dims();
        int[] od = java.util.Arrays.copyOf(id, id.length + 1);
        od[id.length] = depth;
        Shape out = Shape.of(od);
        Nd4jBuffer r = mem.allocate(dtype, out);
        if (out.size() == 0) {
            return r;
        }
        // libnd4j's onehot cannot write BOOL: encode as INT32, then convert.
        DType encoded = dtype == DType.BOOL ? DType.INT32 : dtype;
        INDArray target = dtype == DType.BOOL ? mem.temp(encoded, out) : r.array;
        Exec.run(
                "onehot",
                new long[] {-1, depth},
                new double[] {1, 0},
                null,
                new DataType[] {Types.of(encoded)},
                new INDArray[] {target},
                indices.array);
        if (target != r.array) {
            r.array.assign(target);
            mem.free(target, encoded, out);
        }
        return r;
    }
}
