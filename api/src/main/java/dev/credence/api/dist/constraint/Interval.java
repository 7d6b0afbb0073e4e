package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;

/**
 * The closed interval {@code lower <= x <= upper}; {@link Constraints#unitInterval()} is [0, 1].
 */
public final class Interval extends Constraint {
    private final Bound lower;
    private final Bound upper;

    Interval(Bound lower, Bound upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * Returns the lower bound.
     *
     * @return the bound
     */
    public Bound lower() {
        return lower;
    }

    /**
     * Returns the upper bound.
     *
     * @return the bound
     */
    public Bound upper() {
        return upper;
    }

    @Override
    public Tensor check(Tensor value) {
        return Elementwise.and(value.ge(lower.like(value)), value.le(upper.like(value)));
    }

    @Override
    public String describe() {
        if (lower.is(0) && upper.is(1)) {
            return "unitInterval (0 <= x <= 1)";
        }
        return "interval(" + lower + ", " + upper + ") (" + lower + " <= x <= " + upper + ")";
    }
}
