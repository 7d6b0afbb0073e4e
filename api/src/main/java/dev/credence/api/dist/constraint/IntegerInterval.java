package dev.credence.api.dist.constraint;

import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;

/**
 * Integers in a closed range, {@code lower <= x <= upper}; the upper bound may be absent
 * (non-negative counts). Values may be INT32 or floating with integral values.
 */
public final class IntegerInterval extends Constraint {
    private final Bound lower;
    private final Bound upper;

    IntegerInterval(Bound lower, Bound upper) {
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
     * Returns the upper bound, or null when unbounded above.
     *
     * @return the bound or null
     */
    public Bound upper() {
        return upper;
    }

    @Override
    public Tensor check(Tensor value) {
        if (value.dtype() == DType.BOOL) {
            value = value.cast(DType.INT32);
        }
        Tensor ok = value.ge(lower.like(value));
        if (upper != null) {
            ok = Elementwise.and(ok, value.le(upper.like(value)));
        }
        if (value.dtype().isFloating()) {
            Tensor integral = value.cast(DType.INT32).cast(value.dtype()).eq(value);
            ok = Elementwise.and(ok, integral);
        }
        return ok;
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public String describe() {
        if (upper == null) {
            return lower.is(0)
                    ? "nonNegativeInteger (x in 0, 1, 2, ...)"
                    : "integerGreaterThanEq(" + lower + ")";
        }
        if (lower.is(0) && upper.is(1)) {
            return "booleans (x in {0, 1})";
        }
        return "integerInterval("
                + lower
                + ", "
                + upper
                + ") (integers "
                + lower
                + ".."
                + upper
                + ")";
    }
}
