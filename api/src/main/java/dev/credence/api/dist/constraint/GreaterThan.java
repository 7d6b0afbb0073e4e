package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Tensor;

/**
 * Values above a lower bound: {@code x > lower}, or {@code x >= lower} when inclusive. {@link
 * Constraints#positive()} and {@link Constraints#nonNegative()} are instances with bound 0.
 */
public final class GreaterThan extends Constraint {
    private final Bound lower;
    private final boolean inclusive;

    GreaterThan(Bound lower, boolean inclusive) {
        this.lower = lower;
        this.inclusive = inclusive;
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
     * Tells whether the bound itself is allowed.
     *
     * @return true for {@code x >= lower}
     */
    public boolean inclusive() {
        return inclusive;
    }

    @Override
    public Tensor check(Tensor value) {
        Tensor lb = lower.like(value);
        return inclusive ? value.ge(lb) : value.gt(lb);
    }

    @Override
    public String describe() {
        String op = inclusive ? " >= " : " > ";
        if (lower.is(0)) {
            return (inclusive ? "nonNegative" : "positive") + " (x" + op + "0)";
        }
        return (inclusive ? "greaterThanEq(" : "greaterThan(") + lower + ") (x" + op + lower + ")";
    }
}
