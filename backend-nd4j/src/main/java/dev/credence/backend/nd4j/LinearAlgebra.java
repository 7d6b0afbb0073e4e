package dev.credence.backend.nd4j;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.HostLinearAlgebra;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scans, the Cholesky factorisation and triangular solves.
 *
 * <p>Cumulative sums and products run libnd4j's {@code cumsum} and {@code cumprod} with their
 * exclusive and reverse arguments; triangular solves run {@code triangular_solve} (which reads only
 * the named triangle), with broadcast batch axes expanded first. The Cholesky factorisation runs on
 * the host with the API's reference kernel ({@link HostLinearAlgebra#cholesky}): libnd4j's {@code
 * cholesky} throws on a matrix that is not positive definite and checks the upper triangle too,
 * where the primitive must give an all-NaN factor and read only the lower triangle.
 */
final class LinearAlgebra {
    private LinearAlgebra() {}

    static Nd4jBuffer scan(Allocator mem, Primitive op, Nd4jBuffer x, Attributes.Scan s) {
        Nd4jBuffer r = mem.allocate(x.dtype, x.shape);
        if (x.size() == 0) {
            return r;
        }
        long[] args = {s.exclusive() ? 1 : 0, s.reverse() ? 1 : 0, s.axis()};
        Exec.runI(op == Primitive.CUMSUM ? "cumsum" : "cumprod", args, r.array, x.array);
        return r;
    }

    static Nd4jBuffer cholesky(Allocator mem, Nd4jBuffer a) {
        double[] l = HostLinearAlgebra.cholesky(Transfer.toDoubles(a), a.shape.dim(-1));
        return Transfer.fromDoubles(mem, l, a.shape, a.dtype);
    }

    static Nd4jBuffer triangularSolve(
            Allocator mem, Nd4jBuffer t, Nd4jBuffer b, Attributes.Triangular f, Shape out) {
        Nd4jBuffer r = mem.allocate(t.dtype, out);
        if (out.size() == 0) {
            return r;
        }
        int[] batch = Arrays.copyOf(out.dims(), out.rank() - 2);
        Shape ts = MatMul.withBatch(batch, t.shape);
        Shape bs = MatMul.withBatch(batch, b.shape);
        INDArray ft = Broadcast.to(mem, t, ts);
        INDArray fb = Broadcast.to(mem, b, bs);
        Exec.runB("triangular_solve", new boolean[] {f.lower(), f.transpose()}, r.array, ft, fb);
        Broadcast.done(mem, t, ts, ft);
        Broadcast.done(mem, b, bs, fb);
        return r;
    }
}
