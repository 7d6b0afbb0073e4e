package dev.credence.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules LA1-LA5: transposed matrix products, the Cholesky factorisation and triangular solves.
 *
 * <ul>
 *   <li>LA1 MATMUL with transposed operands ({@code a^T b}, {@code a b^T}, {@code a^T b^T}) matches
 *       the triple loop on sizes that straddle blocking and threading thresholds, and batched.
 *   <li>LA2 CHOLESKY of symmetric positive-definite matrices, batched, gives {@code L} lower
 *       triangular with a positive diagonal and {@code L L^T = A}; the strictly upper triangle of
 *       the input is never read.
 *   <li>LA3 CHOLESKY of a matrix that is not positive definite gives an all-NaN factor for that
 *       matrix and leaves the other matrices of the batch exact.
 *   <li>LA4 TRIANGULAR_SOLVE, lower or upper, plain or transposed: {@code op(T) X = B} holds, and
 *       the triangle that is not named is never read.
 *   <li>LA5 TRIANGULAR_SOLVE broadcasts batch axes of both operands.
 * </ul>
 */
public interface LinearAlgebraContract extends KitFixture {

    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }

    private static double[] inDType(double[] v, DType dt) {
        return dt == DType.FLOAT32 ? Ref.toFloatPrecision(v) : v;
    }

    /**
     * LA1.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("LA1 products with transposed operands")
    default void l1TransposedProducts(DType dt) {
        int[][] sizes = {
            {1, 1, 1}, {3, 4, 5}, {7, 1, 9}, {33, 65, 3}, {130, 70, 600}, {64, 129, 65}
        };
        for (int[] s : sizes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = inDType(Ref.uniform(m * 31L + k, m * k, -1, 1), dt);
            double[] b = inDType(Ref.uniform(k * 17L + n, k * n, -1, 1), dt);
            double[] want = Ref.matmul(a, b, m, k, n);
            Tensor at = Tensor.of(backend(), transpose(a, m, k), dt, k, m);
            Tensor bt = Tensor.of(backend(), transpose(b, k, n), dt, n, k);
            Tensor ap = Tensor.of(backend(), a, dt, m, k);
            Tensor bp = Tensor.of(backend(), b, dt, k, n);
            double tol = dt == DType.FLOAT32 ? 1e-6 * Math.max(1, k) : 1e-13 * Math.max(1, k);
            String size = " " + m + "x" + k + "x" + n + " " + dt;
            Shape out = Shape.of(m, n);
            Check.close(
                    "LA1 aT b" + size,
                    want,
                    out,
                    LinearAlgebra.matmul(at, bp, true, false),
                    tol,
                    tol);
            Check.close(
                    "LA1 a bT" + size,
                    want,
                    out,
                    LinearAlgebra.matmul(ap, bt, false, true),
                    tol,
                    tol);
            Check.close(
                    "LA1 aT bT" + size,
                    want,
                    out,
                    LinearAlgebra.matmul(at, bt, true, true),
                    tol,
                    tol);
        }
        double[] a = inDType(Ref.uniform(3, 2 * 4 * 3, -1, 1), dt);
        double[] b = inDType(Ref.uniform(4, 5 * 4, -1, 1), dt);
        double[] want = new double[2 * 3 * 5];
        for (int batch = 0; batch < 2; batch++) {
            double[] ai = java.util.Arrays.copyOfRange(a, batch * 12, batch * 12 + 12);
            double[] r = Ref.matmul(transpose(ai, 4, 3), transpose(b, 5, 4), 3, 4, 5);
            System.arraycopy(r, 0, want, batch * 15, 15);
        }
        Tensor r =
                LinearAlgebra.matmul(
                        Tensor.of(backend(), a, dt, 2, 4, 3),
                        Tensor.of(backend(), b, dt, 5, 4),
                        true,
                        true);
        Check.close("LA1 batched aT bT " + dt, want, Shape.of(2, 3, 5), r, 1e-6, 1e-6);
    }

    /** A batch of symmetric positive-definite matrices {@code B B^T + d I}, upper part garbage. */
    private static double[] spd(long seed, int batch, int d, double upperGarbage) {
        double[] out = new double[batch * d * d];
        for (int t = 0; t < batch; t++) {
            double[] b = Ref.uniform(seed + t, d * d, -1, 1);
            double[] m = Ref.matmul(b, transpose(b, d, d), d, d, d);
            for (int i = 0; i < d; i++) {
                m[i * d + i] += d;
                for (int j = i + 1; j < d; j++) {
                    m[i * d + j] = upperGarbage;
                }
            }
            System.arraycopy(m, 0, out, t * d * d, d * d);
        }
        return out;
    }

    /**
     * LA2.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("LA2 Cholesky factors of positive-definite matrices, lower triangle read only")
    default void l2Cholesky(DType dt) {
        for (int d : new int[] {1, 2, 5, 17}) {
            double[] a = inDType(spd(d * 7L, 6, d, 1e30), dt);
            Tensor l = LinearAlgebra.cholesky(Tensor.of(backend(), a, dt, 2, 3, d, d));
            double[] lv = l.toDoubleArray();
            double tol = dt == DType.FLOAT32 ? 2e-5 * d : 1e-12 * d;
            for (int t = 0; t < 6; t++) {
                double[] lt = java.util.Arrays.copyOfRange(lv, t * d * d, (t + 1) * d * d);
                double[] llt = Ref.matmul(lt, transpose(lt, d, d), d, d, d);
                for (int i = 0; i < d; i++) {
                    assertTrue(lt[i * d + i] > 0, "LA2 positive diagonal, d=" + d + " " + dt);
                    for (int j = 0; j < d; j++) {
                        if (j > i) {
                            assertTrue(lt[i * d + j] == 0, "LA2 zero upper triangle " + dt);
                        } else {
                            double want = a[t * d * d + i * d + j];
                            double got = llt[i * d + j];
                            assertTrue(
                                    Math.abs(want - got) <= tol * (1 + Math.abs(want)),
                                    "LA2 L L^T = A at ("
                                            + i
                                            + ", "
                                            + j
                                            + "), d="
                                            + d
                                            + " "
                                            + dt
                                            + ": "
                                            + got
                                            + " vs "
                                            + want);
                        }
                    }
                }
            }
        }
    }

    /** LA3. */
    @Test
    @DisplayName("LA3 a matrix that is not positive definite gets an all-NaN factor")
    default void l3NotPositiveDefinite() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double[] a = {4, 0, 2, 5, 1, 0, 2, 1, 1, 0, 0, 9};
            // Matrices: [[4,0],[2,5]] (PD), [[1,0],[2,1]] (not PD), [[1,0],[0,9]] (PD).
            Tensor l = LinearAlgebra.cholesky(Tensor.of(backend(), a, dt, 3, 2, 2));
            double nan = Double.NaN;
            Check.close(
                    "LA3 " + dt,
                    new double[] {2, 0, 1, 2, nan, nan, nan, nan, 1, 0, 0, 3},
                    Shape.of(3, 2, 2),
                    l,
                    1e-6,
                    1e-6);
            Tensor withNaN = Tensor.of(backend(), new double[] {nan, 0, 0, 1}, dt, 2, 2);
            Check.close(
                    "LA3 NaN input " + dt,
                    new double[] {nan, nan, nan, nan},
                    Shape.of(2, 2),
                    LinearAlgebra.cholesky(withNaN));
        }
    }

    /**
     * LA4.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("LA4 triangular solves, lower or upper, plain or transposed")
    default void l4TriangularSolve(DType dt) {
        int d = 6;
        int n = 3;
        for (boolean lower : new boolean[] {true, false}) {
            for (boolean transpose : new boolean[] {false, true}) {
                double[] t = Ref.uniform(lower ? 1 : 2, d * d, -1, 1);
                double[] named = new double[d * d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        boolean inside = lower ? j <= i : j >= i;
                        double v = i == j ? 2 + Math.abs(t[i * d + j]) : t[i * d + j];
                        named[i * d + j] = inside ? v : 0;
                        t[i * d + j] = inside ? v : 1e30;
                    }
                }
                t = inDType(t, dt);
                named = inDType(named, dt);
                double[] b = inDType(Ref.uniform(3, d * n, -2, 2), dt);
                Tensor x =
                        LinearAlgebra.triangularSolve(
                                Tensor.of(backend(), t, dt, d, d),
                                Tensor.of(backend(), b, dt, d, n),
                                lower,
                                transpose);
                double[] op = transpose ? transpose(named, d, d) : named;
                double[] back = Ref.matmul(op, x.toDoubleArray(), d, d, n);
                double tol = dt == DType.FLOAT32 ? 1e-5 : 1e-12;
                Check.values(
                        "LA4 " + (lower ? "lower" : "upper") + (transpose ? " T " : " ") + dt,
                        b,
                        back,
                        tol,
                        tol);
            }
        }
    }

    /** LA5. */
    @Test
    @DisplayName("LA5 triangular solves broadcast batch axes")
    default void l5Broadcast() {
        int d = 3;
        double[] t = {2, 0, 0, 1, 3, 0, -1, 1, 4, 1, 0, 0, 0, 2, 0, 1, 1, 5};
        double[] b = Ref.uniform(9, 3 * d * 2, -1, 1);
        Tensor x =
                LinearAlgebra.triangularSolve(
                        Tensor.of(backend(), t, 2, 1, d, d),
                        Tensor.of(backend(), b, 3, d, 2),
                        true,
                        false);
        double[] xv = x.toDoubleArray();
        for (int i = 0; i < 2; i++) {
            double[] ti = java.util.Arrays.copyOfRange(t, i * 9, i * 9 + 9);
            for (int j = 0; j < 3; j++) {
                double[] xij =
                        java.util.Arrays.copyOfRange(xv, (i * 3 + j) * 6, (i * 3 + j + 1) * 6);
                double[] bj = java.util.Arrays.copyOfRange(b, j * 6, j * 6 + 6);
                Check.values(
                        "LA5 batch " + i + "," + j, bj, Ref.matmul(ti, xij, d, d, 2), 1e-12, 1e-12);
            }
        }
        assertTrue(x.shape().equals(Shape.of(2, 3, d, 2)), "LA5 shape " + x.shape());
    }
}
