package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data movement: reshape, permute, broadcast, slice, concat and cast, on libnd4j's shape
 * operations.
 *
 * <p>Every result is a new row-major array except where nothing moves (same shape, identity
 * permutation, same dtype) and a reshape of more than {@value #COPY_RESHAPE_LIMIT} elements: those
 * are views sharing their input's storage, which is safe because buffers are never written after
 * they are made.
 */
final class Movement {
    private Movement() {}

    /**
     * Below this many elements a reshape copies into a pooled array: a copy costs well under a
     * microsecond there, while creating an ND4J view costs several (a new data buffer, a shape
     * descriptor and a deallocator registration).
     */
    static final int COPY_RESHAPE_LIMIT = 4096;

    static Nd4jBuffer reshape(Allocator mem, Nd4jBuffer x, Shape shape) {
        if (shape.equals(x.shape)) {
            return x.view(x.array, shape);
        }
        if (shape.size() == 0) {
            return mem.allocate(x.dtype, shape);
        }
        if (shape.size() <= COPY_RESHAPE_LIMIT) {
            Nd4jBuffer r = mem.allocate(x.dtype, shape);
            Nd4j.getExecutioner().exec(new Assign(x.array, r.array));
            return r;
        }
        return x.view(x.array.reshape('c', Types.dims(shape)), shape);
    }

    static Nd4jBuffer permute(Allocator mem, Nd4jBuffer x, int[] perm) {
        if (isIdentity(perm)) {
            return x.view(x.array, x.shape);
        }
        int[] od = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            od[i] = x.shape.dim(perm[i]);
        }
        Shape out = Shape.of(od);
        Nd4jBuffer r = mem.allocate(x.dtype, out);
        if (out.size() > 0) {
            Exec.runI("permute", Types.longs(perm), r.array, x.array);
        }
        return r;
    }

    private static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    static Nd4jBuffer broadcastTo(Allocator mem, Nd4jBuffer x, Shape shape) {
        Nd4jBuffer host = HostSelect.broadcastTo(mem, x, shape);
        if (host != null) {
            return host;
        }
        Nd4jBuffer r = mem.allocate(x.dtype, shape);
        Broadcast.into(x, shape, r.array);
        return r;
    }

    static Nd4jBuffer slice(Allocator mem, Nd4jBuffer x, int[] begin, int[] end) {
        int rank = begin.length;
        int[] od = new int[rank];
        long[] args = new long[2 * rank];
        for (int i = 0; i < rank; i++) {
            od[i] = end[i] - begin[i];
            args[i] = begin[i];
            args[rank + i] = od[i];
        }
        Shape out = Shape.of(od);
        Nd4jBuffer r = mem.allocate(x.dtype, out);
        if (out.size() > 0) {
            Exec.runI("slice", args, r.array, x.array);
        }
        return r;
    }

    static Nd4jBuffer concat(Allocator mem, Nd4jBuffer[] xs, int axis, Shape out) {
        Nd4jBuffer r = mem.allocate(xs[0].dtype, out);
        if (out.size() == 0) {
            return r;
        }
        List<INDArray> parts = new ArrayList<>(xs.length);
        for (Nd4jBuffer x : xs) {
            if (x.size() > 0) {
                parts.add(x.array);
            }
        }
        if (parts.size() == 1) {
            r.array.assign(parts.get(0));
        } else {
            Exec.runI("concat", new long[] {axis}, r.array, parts.toArray(new INDArray[0]));
        }
        return r;
    }

    static Nd4jBuffer cast(Allocator mem, Nd4jBuffer x, DType to) {
        if (to == x.dtype) {
            return x.view(x.array, x.shape);
        }
        if (to == DType.INT32 && x.dtype.isFloating()) {
            // Java's (int) conversion: NaN gives 0 and out-of-range values saturate.
            return Transfer.fromDoubles(mem, Transfer.toDoubles(x), x.shape, to);
        }
        Nd4jBuffer r = mem.allocate(to, x.shape);
        if (x.size() > 0) {
            r.array.assign(x.array);
        }
        return r;
    }
}
