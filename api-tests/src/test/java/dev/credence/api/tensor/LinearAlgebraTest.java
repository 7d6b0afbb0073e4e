package dev.credence.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.Buffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The composites of {@link LinearAlgebra} against closed forms, its failure convention, and the
 * promise that recorded programs of its operations (and of products' gradients) replay without host
 * reads or materialised transposes.
 */
class LinearAlgebraTest {
    private final Backend b = Backends.discover().select("jvm");

    /** {@code A = [[4, 2, 0.4], [2, 3, 0.5], [0.4, 0.5, 2]]}, symmetric positive definite. */
    private Tensor a() {
        return Tensor.of(b, new double[] {4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2}, 3, 3);
    }

    @Test
    @DisplayName("solve, inverse and log-determinant through the Cholesky factor")
    void composites() {
        Tensor a = a();
        Tensor l = LinearAlgebra.cholesky(a);
        Tensor inv = LinearAlgebra.choleskyInverse(l);
        assertArrayEquals(
                LinearAlgebra.eye(b, 3, a.dtype()).toDoubleArray(),
                a.matmul(inv).toDoubleArray(),
                1e-12,
                "A A^-1 = I");
        Tensor rhs = Tensor.of(b, new double[] {1, -2, 0.5}, 3);
        Tensor x = LinearAlgebra.choleskySolve(l, rhs);
        assertArrayEquals(rhs.toDoubleArray(), a.matmul(x).toDoubleArray(), 1e-12, "A x = b");
        // det A by cofactors: 4 (6 - 0.25) - 2 (4 - 0.2) + 0.4 (1 - 1.2)
        double det = 4 * 5.75 - 2 * 3.8 + 0.4 * -0.2;
        assertEquals(Math.log(det), LinearAlgebra.logDet(a).item(), 1e-12, "log det A");
        Tensor batch = Indexing.stack(List.of(a, a.mul(2)), 0);
        assertArrayEquals(
                new double[] {Math.log(det), Math.log(8 * det)},
                LinearAlgebra.logDet(batch).toDoubleArray(),
                1e-12,
                "batched log det");
    }

    @Test
    @DisplayName("the log-determinant's gradient is the inverse, through the Cholesky VJP")
    void logDetGradient() {
        Tensor a = a();
        Tensor g = Autodiff.grad(LinearAlgebra::logDet, a);
        // Only the lower triangle is read: d logdet / dA_ij = (2 - [i == j]) (A^-1)_ij below
        // and on the diagonal, 0 above.
        double[] inv = LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(a)).toDoubleArray();
        double[] want = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                want[i * 3 + j] = (i == j ? 1 : 2) * inv[i * 3 + j];
            }
        }
        assertArrayEquals(want, g.toDoubleArray(), 1e-12);
    }

    @Test
    @DisplayName("checkedCholesky names the first matrix that is not positive definite")
    void checkedFailure() {
        Tensor batch = Tensor.of(b, new double[] {4, 0, 2, 5, 1, 0, 2, 1, 2, 0, 0, 2}, 3, 2, 2);
        NotPositiveDefiniteException e =
                assertThrows(
                        NotPositiveDefiniteException.class,
                        () -> LinearAlgebra.checkedCholesky(batch));
        assertEquals(1, e.batchIndex());
        assertTrue(e.getMessage().contains("matrix 1 of the batch [3, 2, 2]"), e.getMessage());
        assertEquals(
                2.0, LinearAlgebra.checkedCholesky(a().narrow(0, 0, 1).narrow(1, 0, 1)).item());
    }

    @Test
    @DisplayName("a recorded Cholesky log-density replays; a non-PD input gives NaN, not an error")
    void replayableWithNaNConvention() {
        Tensor x0 = Tensor.of(b, new double[] {0.1, 0.2, -0.1}, 3);
        Program p =
                Program.record(
                        x0,
                        x -> {
                            Tensor m = x.unsqueeze(1).matmul(x.unsqueeze(0)).add(a());
                            return List.of(LinearAlgebra.logDet(m));
                        });
        assertNull(p.notReplayableReason());
        Buffer ok = p.run(b, Tensor.of(b, new double[] {0.3, 0.1, 0.2}, 3).buffer())[0];
        assertFalse(Double.isNaN(b.toDoubles(ok)[0]));
        Tensor bad = Tensor.of(b, new double[] {0, 0, 0, 0, -9, 0, 0, 0, 0}, 3, 3);
        Program q = Program.record(bad, m -> List.of(LinearAlgebra.logDet(m)));
        double[] got = b.toDoubles(q.run(b, bad.buffer())[0]);
        assertTrue(Double.isNaN(got[0]), "NaN for a matrix that is not positive definite");
    }

    @Test
    @DisplayName("a product's backward pass uses transposed operands and no PERMUTE")
    void backwardMaterialisesNoTranspose() {
        Tensor w = Tensor.of(b, new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor x0 = Tensor.of(b, new double[] {0.5, -1, 2, 0.1, 0.2, 0.3}, 2, 3);
        Program p =
                Program.record(
                        x0,
                        x -> {
                            var r =
                                    Autodiff.valueAndGrad(
                                            v -> v.get(0).matmul(v.get(1)).square().sum(),
                                            List.of(x, w));
                            return List.of(r.grads().get(0), r.grads().get(1));
                        });
        String sig = p.signature();
        assertFalse(sig.contains("PERMUTE"), sig);
        assertTrue(sig.contains("MATMUL(a bT)"), sig);
        assertTrue(sig.contains("MATMUL(aT b)"), sig);
    }
}
