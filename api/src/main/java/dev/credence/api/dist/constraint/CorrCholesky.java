package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * Cholesky factors of correlation matrices: lower-triangular with a positive diagonal and rows of
 * unit Euclidean norm (so that {@code L L^T} has a unit diagonal), within {@link #TOLERANCE}.
 */
public final class CorrCholesky extends LowerCholesky {
    /** The allowed deviation of a squared row norm from 1. */
    public static final double TOLERANCE = 1e-6;

    static final CorrCholesky INSTANCE_CORR = new CorrCholesky();

    private CorrCholesky() {}

    @Override
    public Tensor check(Tensor value) {
        Tensor rowNorms = value.square().sum(false, value.rank() - 1);
        Tensor unit = Reductions.allRightmost(rowNorms.sub(1).abs().lt(TOLERANCE), 1);
        return Elementwise.and(super.check(value), unit);
    }

    @Override
    public String describe() {
        return "corrCholesky (lower-triangular, positive diagonal, unit-norm rows)";
    }
}
