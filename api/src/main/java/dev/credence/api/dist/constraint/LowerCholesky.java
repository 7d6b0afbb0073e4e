package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * Lower-triangular square matrices with a positive diagonal: the Cholesky factors of
 * positive-definite matrices (event dimension 2).
 */
public class LowerCholesky extends Constraint {
    static final LowerCholesky INSTANCE = new LowerCholesky();

    LowerCholesky() {}

    @Override
    public Tensor check(Tensor value) {
        int d = value.dim(-1);
        Tensor upper =
                LinearAlgebra.triangleMask(value.backend(), value.dtype(), d, true, 1).neg().add(1);
        Tensor upperZero = Reductions.allRightmost(value.mul(upper).eq(0), 2);
        Tensor diagPositive = Reductions.allRightmost(LinearAlgebra.diagonal(value).gt(0), 1);
        return Elementwise.and(upperZero, diagPositive);
    }

    @Override
    public int eventDim() {
        return 2;
    }

    @Override
    public String describe() {
        return "lowerCholesky (lower-triangular, positive diagonal)";
    }
}
