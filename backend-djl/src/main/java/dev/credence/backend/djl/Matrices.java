package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.HostLinearAlgebra;
import dev.credence.api.backend.Shape;

/**
 * Matrix products, Cholesky factorisation and triangular solves.
 *
 * <p>A transposed operand of a product is PyTorch's transposed view (a change of strides, no copy),
 * which {@code matmul} hands to BLAS as a transpose flag. DJL 0.36 binds neither {@code
 * linalg.cholesky} nor {@code triangular_solve}, so those two run on the host with the API's
 * reference kernels ({@link HostLinearAlgebra}); on a GPU that copies the operands to the host and
 * the result back.
 */
final class Matrices {
    private Matrices() {}

    static NDArray matmul(NDArray a, NDArray b, Attributes.MatMul f, Shape sa, Shape sb) {
        NDArray x = f.transposeA() ? a.swapAxes(sa.rank() - 2, sa.rank() - 1) : a;
        NDArray y = f.transposeB() ? b.swapAxes(sb.rank() - 2, sb.rank() - 1) : b;
        try {
            return x.matMul(y);
        } finally {
            if (x != a) {
                x.close();
            }
            if (y != b) {
                y.close();
            }
        }
    }

    static NDArray cholesky(NDManager m, NDArray a, Shape shape, DType dtype) {
        double[] v = Creation.toDoubles(a, dtype, shape.size());
        return Creation.fromDoubles(m, HostLinearAlgebra.cholesky(v, shape.dim(-1)), shape, dtype);
    }

    static NDArray triangularSolve(
            NDManager m,
            NDArray t,
            Shape ts,
            NDArray b,
            Shape bs,
            Attributes.Triangular f,
            Shape out,
            DType dtype) {
        double[] x =
                HostLinearAlgebra.triangularSolve(
                        Creation.toDoubles(t, dtype, ts.size()),
                        ts,
                        Creation.toDoubles(b, dtype, bs.size()),
                        bs,
                        f,
                        out);
        return Creation.fromDoubles(m, x, out, dtype);
    }
}
