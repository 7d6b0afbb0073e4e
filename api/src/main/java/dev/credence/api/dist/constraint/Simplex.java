package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * The probability simplex: vectors (event dimension 1) of non-negative entries summing to 1, within
 * {@link #TOLERANCE}.
 */
public final class Simplex extends Constraint {
    /** The allowed deviation of the sum from 1. */
    public static final double TOLERANCE = 1e-6;

    static final Simplex INSTANCE = new Simplex();

    private Simplex() {}

    @Override
    public Tensor check(Tensor value) {
        Tensor nonNeg = Reductions.allRightmost(value.ge(value.zerosLike()), 1);
        Tensor sumsToOne = value.sum(false, value.rank() - 1).sub(1).abs().lt(TOLERANCE);
        return Elementwise.and(nonNeg, sumsToOne);
    }

    @Override
    public int eventDim() {
        return 1;
    }

    @Override
    public String describe() {
        return "simplex (entries >= 0 summing to 1)";
    }
}
