package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The bijection from {@code R^(K(K+1)/2)} onto lower-triangular {@code K x K} matrices with a
 * positive diagonal (Cholesky factors of covariance matrices): the vector fills the lower triangle
 * row by row and the diagonal is exponentiated, so {@code log|det J|} is the sum of the diagonal
 * inputs.
 */
public final class LowerCholeskyBijector extends Bijector {
    /** Creates the bijector. */
    public LowerCholeskyBijector() {}

    private static int sizeFor(int n) {
        int k = (int) Math.round((Math.sqrt(1 + 8.0 * n) - 1) / 2);
        if (k * (k + 1) / 2 != n) {
            throw new IllegalArgumentException(
                    "LowerCholeskyBijector: the input length must be K(K+1)/2, found " + n);
        }
        return k;
    }

    private static Tensor diagMask(Tensor like, int k) {
        return LinearAlgebra.eye(like.backend(), k, like.dtype()).eq(1);
    }

    @Override
    public Tensor forward(Tensor x) {
        int k = sizeFor(x.dim(-1));
        Tensor m = Indexing.vecToTril(x, k, false);
        Tensor diag = diagMask(x, k);
        Tensor safe = Tensor.where(diag, m, m.zerosLike());
        return Tensor.where(diag, safe.exp(), m);
    }

    @Override
    public Tensor inverse(Tensor y) {
        int k = y.dim(-1);
        Tensor diag = diagMask(y, k);
        Tensor safe = Tensor.where(diag, y, y.onesLike());
        return Indexing.trilToVec(Tensor.where(diag, safe.log(), y), k, false);
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        int k = sizeFor(x.dim(-1));
        return LinearAlgebra.diagonal(Indexing.vecToTril(x, k, false)).sum(false, -1);
    }

    @Override
    public Constraint domain() {
        return Constraints.realVector();
    }

    @Override
    public Constraint codomain() {
        return Constraints.lowerCholesky();
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
        out[out.length - 1] = k * (k + 1) / 2;
        return Shape.of(out);
    }
}
