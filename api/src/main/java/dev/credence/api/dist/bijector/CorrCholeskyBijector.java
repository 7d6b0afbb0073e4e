package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The bijection from {@code R^(K(K-1)/2)} onto Cholesky factors of {@code K x K} correlation
 * matrices, through canonical partial correlations (Lewandowski, Kurowicka and Joe 2009, section
 * 2.1; the Stan reference manual, "Cholesky factors of correlation matrices").
 *
 * <p>The vector fills the strictly lower triangle row by row; {@code z = tanh(x)} lies in (-1, 1).
 * Row {@code i} of the factor is then
 *
 * <pre>
 * L_ij = z_ij sqrt(r_ij),   L_ii = sqrt(r_ii),   r_ij = prod_{k&lt;j} (1 - z_ik^2),
 * </pre>
 *
 * so every row has unit norm. The Jacobian from {@code z} to the strictly lower entries is
 * triangular with diagonal {@code sqrt(r_ij)}, giving {@code log|det J| = sum_{i>j} [log(1 -
 * z_ij^2) + log(r_ij) / 2]}. The row products are exclusive cumulative sums of {@code log(1 -
 * z^2)}, computed for all rows at once, with {@code log(1 - tanh(x)^2)} in its stable form.
 */
public final class CorrCholeskyBijector extends Bijector {
    /** Creates the bijector. */
    public CorrCholeskyBijector() {}

    /**
     * Returns the matrix size for a vector length.
     *
     * @param n the vector length {@code K(K-1)/2}
     * @return K
     */
    static int sizeFor(int n) {
        int k = (int) Math.round((1 + Math.sqrt(1 + 8.0 * n)) / 2);
        if (k * (k - 1) / 2 != n) {
            throw new IllegalArgumentException(
                    "CorrCholeskyBijector: the input length must be K(K-1)/2, found " + n);
        }
        return k;
    }

    @Override
    public Tensor forward(Tensor x) {
        int k = sizeFor(x.dim(-1));
        Tensor z = Indexing.vecToTril(x.tanh(), k, true);
        Tensor logOneMinusZ2 = Indexing.vecToTril(Elementwise.logOneMinusTanhSquared(x), k, true);
        Tensor halfLogR = Reductions.cumsum(logOneMinusZ2, -1, true, false).mul(0.5);
        Tensor eye = LinearAlgebra.eye(x.backend(), k, x.dtype());
        return z.add(eye).mul(halfLogR.exp());
    }

    @Override
    public Tensor inverse(Tensor y) {
        int k = y.dim(-1);
        Tensor r = Reductions.cumsum(y.square(), -1, true, false).neg().add(1);
        Tensor z = Indexing.trilToVec(y, k, true).div(Indexing.trilToVec(r, k, true).sqrt());
        return Elementwise.atanh(z);
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        int k = sizeFor(x.dim(-1));
        Tensor logOneMinusZ2 = Indexing.vecToTril(Elementwise.logOneMinusTanhSquared(x), k, true);
        Tensor logR = Reductions.cumsum(logOneMinusZ2, -1, true, false);
        Tensor strict = LinearAlgebra.triangleMask(x.backend(), x.dtype(), k, true, 0);
        Tensor perEntry = logOneMinusZ2.add(logR.mul(strict).mul(0.5));
        return perEntry.sum(false, -2, -1);
    }

    @Override
    public Constraint domain() {
        return Constraints.realVector();
    }

    @Override
    public Constraint codomain() {
        return Constraints.corrCholesky();
    }

    @Override
    public Shape forwardShape(Shape x) {
        int[] d = x.dims();
        int k = sizeFor(d[d.length - 1]);
        int[] out = Arrays.copyOf(d, d.length + 1);
        out[d.length - 1] = k;
        out[d.length] = k;
        return Shape.of(out);
    }

    @Override
    public Shape inverseShape(Shape y) {
        int[] d = y.dims();
        int k = d[d.length - 1];
        int[] out = Arrays.copyOf(d, d.length - 1);
        out[out.length - 1] = k * (k - 1) / 2;
        return Shape.of(out);
    }
}
