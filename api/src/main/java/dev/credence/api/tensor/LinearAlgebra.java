package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.Arrays;

/**
 * Linear algebra on batches of matrices {@code [..., m, n]}: products with transposed operands, the
 * Cholesky factorisation, triangular solves and what is built from them (solves with a symmetric
 * positive-definite matrix, its inverse and log-determinant). Leading batch axes broadcast. Every
 * operation is differentiable: MATMUL, CHOLESKY and TRIANGULAR_SOLVE are backend primitives with
 * their own vector-Jacobian rules (the Cholesky rule follows Murray 2016, "Differentiation of the
 * Cholesky decomposition", eq. 10), and the rest are compositions of them.
 *
 * <pre>{@code
 * Tensor l = LinearAlgebra.cholesky(cov);                     // [..., d, d], lower
 * Tensor z = LinearAlgebra.triangularSolve(l, x, true, false); // L z = x
 * Tensor logDet = LinearAlgebra.choleskyLogDet(l);            // log det cov
 * }</pre>
 *
 * <h2>Matrices that are not positive definite: one convention</h2>
 *
 * {@link #cholesky} never throws for the values of its input: a matrix of the batch that is not
 * (numerically) positive definite gets a factor whose every entry is NaN, and so does everything
 * computed from it (solves, log-determinants, log-densities). This keeps the factorisation free of
 * host reads, so it works inside a recorded {@link Program} such as an HMC potential, where a NaN
 * log-density is a divergence the sampler handles. Callers on the host that need an answer now (a
 * dense mass matrix, a Laplace approximation) use {@link #checkedCholesky}, which reads the factor
 * back and throws {@link NotPositiveDefiniteException} naming the first failing matrix.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {}

    /**
     * Multiplies matrices as NumPy's {@code matmul}: a 1-D left operand is a row vector, a 1-D
     * right operand a column vector (the added axis is removed again), and leading batch axes
     * broadcast.
     *
     * @param a the left operand
     * @param b the right operand
     * @return the product
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, b, false, false);
    }

    /**
     * Multiplies {@code op(a) op(b)}, where {@code op} transposes the last two axes when its flag
     * is set, without materialising the transposes: {@code matmul(x, y, true, false)} is {@code x^T
     * y} and {@code matmul(x, y, false, true)} is {@code x y^T}.
     *
     * @param a the left operand; rank 1 only without {@code transposeA}
     * @param b the right operand; rank 1 only without {@code transposeB}
     * @param transposeA whether to use the transpose of {@code a}
     * @param transposeB whether to use the transpose of {@code b}
     * @return the product
     */
    public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        Checks.sameBackend(a, b, "matmul");
        Checks.sameDType(a, b, "matmul");
        Checks.floating(a, "matmul");
        if (a.rank() < (transposeA ? 2 : 1) || b.rank() < (transposeB ? 2 : 1)) {
            throw new IllegalArgumentException(
                    "matmul: operands must have rank >= 1 (>= 2 when transposed), found shapes "
                            + a.shape()
                            + " and "
                            + b.shape());
        }
        Tensor x = a.rank() == 1 ? a.reshape(1, a.dim(0)) : a;
        Tensor y = b.rank() == 1 ? b.reshape(b.dim(0), 1) : b;
        int m = transposeA ? x.dim(-1) : x.dim(-2);
        int k1 = transposeA ? x.dim(-2) : x.dim(-1);
        int k2 = transposeB ? y.dim(-1) : y.dim(-2);
        int n = transposeB ? y.dim(-2) : y.dim(-1);
        if (k1 != k2) {
            throw new IllegalArgumentException(
                    "matmul: inner dimensions differ: shapes "
                            + a.shape()
                            + (transposeA ? "^T" : "")
                            + " and "
                            + b.shape()
                            + (transposeB ? "^T" : "")
                            + " ("
                            + k1
                            + " vs "
                            + k2
                            + ")");
        }
        Shape out = Shape.concat(batch(x, y, "matmul"), Shape.of(m, n));
        Attributes.MatMul flags =
                transposeA || transposeB
                        ? new Attributes.MatMul(transposeA, transposeB)
                        : Attributes.MatMul.PLAIN;
        Tensor r = Tensor.apply(Primitive.MATMUL, flags, out, a.dtype(), x, y);
        if (a.rank() == 1) {
            r = r.squeeze(-2);
        }
        if (b.rank() == 1) {
            r = r.squeeze(-1);
        }
        return r;
    }

    /** The broadcast of the batch axes (all but the last two) of two matrix tensors. */
    private static Shape batch(Tensor x, Tensor y, String op) {
        int[] xd = x.shape().dims();
        int[] yd = y.shape().dims();
        return Shape.broadcast(
                Shape.of(Arrays.copyOf(xd, xd.length - 2)),
                Shape.of(Arrays.copyOf(yd, yd.length - 2)),
                op + " (batch axes)");
    }

    /**
     * The Cholesky factor of symmetric positive-definite matrices: lower triangular {@code L} with
     * a positive diagonal and {@code L L^T = a}. Only the lower triangle of {@code a} is read. A
     * matrix that is not positive definite gets an all-NaN factor (see the class comment).
     *
     * @param a matrices {@code [..., d, d]}, floating
     * @return the factors, same shape
     */
    public static Tensor cholesky(Tensor a) {
        Checks.floating(a, "cholesky");
        Checks.squareMatrices(a, "cholesky");
        return Tensor.apply(Primitive.CHOLESKY, Attributes.NONE, a.shape(), a.dtype(), a);
    }

    /**
     * The Cholesky factor, checked on the host: for callers outside recorded computations that must
     * know now whether the matrix is positive definite. Reads the factor's values.
     *
     * @param a matrices {@code [..., d, d]}, floating
     * @return the factors
     * @throws NotPositiveDefiniteException if any matrix of the batch is not positive definite (or
     *     contains NaN)
     */
    public static Tensor checkedCholesky(Tensor a) {
        Tensor l = cholesky(a);
        int d = a.dim(-1);
        double[] v = l.toDoubleArray();
        for (int k = 0; k < v.length; k += Math.max(1, d * d)) {
            if (d > 0 && Double.isNaN(v[k])) {
                throw new NotPositiveDefiniteException(k / (d * d), a.shape());
            }
        }
        return l;
    }

    /**
     * Solves {@code op(t) x = b} for triangular {@code t}, where {@code op} is the identity or the
     * transpose. Only the named triangle of {@code t} (diagonal included) is read.
     *
     * @param t triangular matrices {@code [..., d, d]} with a non-zero diagonal
     * @param b right-hand sides {@code [..., d, n]}, or a vector {@code [d]}
     * @param lower whether {@code t} is lower (else upper) triangular
     * @param transpose whether to solve with the transpose of {@code t}
     * @return the solutions, shaped like the broadcast of the batch axes plus {@code [d, n]} (or
     *     {@code [d]} for a vector)
     */
    public static Tensor triangularSolve(Tensor t, Tensor b, boolean lower, boolean transpose) {
        Checks.sameBackend(t, b, "triangularSolve");
        Checks.sameDType(t, b, "triangularSolve");
        Checks.floating(t, "triangularSolve");
        Checks.squareMatrices(t, "triangularSolve");
        Tensor rhs = b.rank() == 1 ? b.reshape(b.dim(0), 1) : b;
        if (rhs.rank() < 2 || rhs.dim(-2) != t.dim(-1)) {
            throw new IllegalArgumentException(
                    "triangularSolve: right-hand sides must be [..., "
                            + t.dim(-1)
                            + ", n] for matrices of shape "
                            + t.shape()
                            + ", found "
                            + b.shape());
        }
        Shape out =
                Shape.concat(batch(t, rhs, "triangularSolve"), Shape.of(rhs.dim(-2), rhs.dim(-1)));
        Tensor x =
                Tensor.apply(
                        Primitive.TRIANGULAR_SOLVE,
                        new Attributes.Triangular(lower, transpose),
                        out,
                        t.dtype(),
                        t,
                        rhs);
        return b.rank() == 1 ? x.squeeze(-1) : x;
    }

    /**
     * Solves {@code a x = b} given the Cholesky factor {@code l} of {@code a}, by two triangular
     * solves.
     *
     * @param l lower Cholesky factors {@code [..., d, d]}
     * @param b right-hand sides {@code [..., d, n]}, or a vector {@code [d]}
     * @return the solutions
     */
    public static Tensor choleskySolve(Tensor l, Tensor b) {
        return triangularSolve(l, triangularSolve(l, b, true, false), true, true);
    }

    /**
     * The inverse of {@code a = l l^T} from its Cholesky factor: {@code l^-T l^-1}.
     *
     * @param l lower Cholesky factors {@code [..., d, d]}
     * @return the inverses, symmetric
     */
    public static Tensor choleskyInverse(Tensor l) {
        return choleskySolve(l, eye(l.backend(), l.dim(-1), l.dtype()));
    }

    /**
     * The log-determinant of {@code a = l l^T} from its Cholesky factor: {@code 2 sum log diag(l)}.
     *
     * @param l lower Cholesky factors {@code [..., d, d]}
     * @return the log-determinants, shape {@code [...]}
     */
    public static Tensor choleskyLogDet(Tensor l) {
        return diagonal(l).log().sum(-1).mul(2);
    }

    /**
     * The log-determinant of symmetric positive-definite matrices, through their Cholesky factor
     * (NaN for a matrix that is not positive definite).
     *
     * @param a matrices {@code [..., d, d]}
     * @return the log-determinants, shape {@code [...]}
     */
    public static Tensor logDet(Tensor a) {
        return choleskyLogDet(cholesky(a));
    }

    /**
     * The diagonal of the trailing square matrices.
     *
     * @param m a tensor of shape {@code [..., d, d]}
     * @return the diagonals, shape {@code [..., d]}
     */
    public static Tensor diagonal(Tensor m) {
        Checks.squareMatrices(m, "diagonal");
        int d = m.dim(-1);
        int[] lead = Arrays.copyOf(m.shape().dims(), m.rank() - 1);
        lead[lead.length - 1] = d * d;
        int[] idx = new int[d];
        for (int i = 0; i < d; i++) {
            idx[i] = i * d + i;
        }
        return m.reshape(lead).gather(-1, Tensor.ofInts(m.backend(), idx, d));
    }

    /**
     * The lower (or upper) triangle of square matrices, zeros elsewhere.
     *
     * @param m a tensor of shape {@code [..., d, d]}
     * @param lower whether to keep the lower triangle (else the upper)
     * @param diagonalWeight what the diagonal is multiplied by (1 keeps it, 0 drops it)
     * @return the masked matrices
     */
    public static Tensor triangle(Tensor m, boolean lower, double diagonalWeight) {
        Checks.squareMatrices(m, "triangle");
        return m.mul(triangleMask(m.backend(), m.dtype(), m.dim(-1), lower, diagonalWeight));
    }

    /**
     * A square matrix that is 1 on one strict triangle, {@code diagonalWeight} on the diagonal and
     * 0 on the other triangle.
     *
     * @param b the backend
     * @param dtype the element type
     * @param d the size
     * @param lower whether the ones are below (else above) the diagonal
     * @param diagonalWeight the diagonal value
     * @return the {@code d x d} mask
     */
    public static Tensor triangleMask(
            Backend b, DType dtype, int d, boolean lower, double diagonalWeight) {
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = i == j ? diagonalWeight : (lower ? i > j : j > i) ? 1 : 0;
            }
        }
        return Tensor.of(b, v, dtype, d, d);
    }

    /**
     * Creates an identity matrix.
     *
     * @param b the backend
     * @param n the size
     * @param dtype the element type
     * @return the {@code n x n} identity
     */
    public static Tensor eye(Backend b, int n, DType dtype) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        return Tensor.of(b, v, dtype, n, n);
    }
}
