package dev.credence.backend.nd4j;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products through libnd4j's {@code matmul} (BLAS gemm for each matrix of a batch), with its
 * transpose arguments for transposed operands, so gemm reads them in place. libnd4j needs equal
 * batch shapes, so an operand whose batch axes are broadcast is first expanded to the result's
 * batch shape. A product with an empty inner dimension is all zeros.
 */
final class MatMul {
    private MatMul() {}

    static Nd4jBuffer apply(
            Allocator mem, Nd4jBuffer a, Nd4jBuffer b, Attributes.MatMul f, Shape out) {
        if (out.size() == 0) {
            return mem.allocate(a.dtype, out);
        }
        int k = a.shape.dim(a.shape.rank() - (f.transposeA() ? 2 : 1));
        long[] flags = {f.transposeA() ? 1 : 0, f.transposeB() ? 1 : 0};
        if (k == 0) {
            return Transfer.full(mem, 0, out, a.dtype);
        }
        Nd4jBuffer r = mem.allocate(a.dtype, out);
        if (out.rank() == 2) {
            Exec.runI("matmul", flags, r.array, a.array, b.array);
            return r;
        }
        int[] batch = Arrays.copyOf(out.dims(), out.rank() - 2);
        Shape as = withBatch(batch, a.shape);
        Shape bs = withBatch(batch, b.shape);
        INDArray fa = Broadcast.to(mem, a, as);
        INDArray fb = Broadcast.to(mem, b, bs);
        Exec.runI("matmul", flags, r.array, fa, fb);
        Broadcast.done(mem, a, as, fa);
        Broadcast.done(mem, b, bs, fb);
        return r;
    }

    /** The batch shape followed by the last two axes of {@code s}. */
    static Shape withBatch(int[] batch, Shape s) {
        int[] d = Arrays.copyOf(batch, batch.length + 2);
        d[batch.length] = s.dim(s.rank() - 2);
        d[batch.length + 1] = s.dim(s.rank() - 1);
        return Shape.of(d);
    }
}
