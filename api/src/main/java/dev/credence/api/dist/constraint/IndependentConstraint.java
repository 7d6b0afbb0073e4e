package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * A base constraint applied to every element of a block of trailing axes, which are judged as one
 * event: the support of {@link dev.credence.api.dist.Independent} and of vector-valued families
 * such as the multivariate normal ({@code independent(real, 1)}).
 */
public final class IndependentConstraint extends Constraint {
    private final Constraint base;
    private final int reinterpreted;

    IndependentConstraint(Constraint base, int reinterpreted) {
        if (reinterpreted < 0) {
            throw new IllegalArgumentException(
                    "independent: the number of reinterpreted axes must be >= 0, found "
                            + reinterpreted);
        }
        this.base = base;
        this.reinterpreted = reinterpreted;
    }

    /**
     * Returns the constraint on each element.
     *
     * @return the base constraint
     */
    public Constraint base() {
        return base;
    }

    /**
     * Returns how many axes beyond the base's event are judged together.
     *
     * @return the number of reinterpreted axes
     */
    public int reinterpreted() {
        return reinterpreted;
    }

    @Override
    public Tensor check(Tensor value) {
        return Reductions.allRightmost(base.check(value), reinterpreted);
    }

    @Override
    public int eventDim() {
        return base.eventDim() + reinterpreted;
    }

    @Override
    public boolean isDiscrete() {
        return base.isDiscrete();
    }

    @Override
    public String describe() {
        return "independent(" + base.describe() + ", " + reinterpreted + ")";
    }
}
