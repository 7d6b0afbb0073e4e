package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * Strictly increasing vectors (event dimension 1), {@code x_1 < x_2 < ... < x_K}, optionally with
 * {@code x_1 > 0}: Stan's {@code ordered[K]} and {@code positive_ordered[K]}. Ordering the
 * component locations of a mixture or the states of a hidden Markov model this way removes the
 * label switching that makes their posteriors multimodal.
 */
public final class Ordered extends Constraint {
    static final Ordered ORDERED = new Ordered(false);
    static final Ordered POSITIVE_ORDERED = new Ordered(true);

    private final boolean positive;

    private Ordered(boolean positive) {
        this.positive = positive;
    }

    /**
     * Tells whether the first entry must also be positive.
     *
     * @return true for {@code positive_ordered}
     */
    public boolean isPositive() {
        return positive;
    }

    @Override
    public Tensor check(Tensor value) {
        int k = value.dim(-1);
        Tensor ok;
        if (k > 1) {
            Tensor steps = value.narrow(-1, 1, k).sub(value.narrow(-1, 0, k - 1));
            ok = Reductions.allRightmost(steps.gt(0), 1);
        } else {
            ok = Reductions.allRightmost(value.eq(value), 1);
        }
        if (positive) {
            ok = Elementwise.and(ok, Reductions.allRightmost(value.narrow(-1, 0, 1).gt(0), 1));
        }
        return ok;
    }

    @Override
    public int eventDim() {
        return 1;
    }

    @Override
    public String describe() {
        return positive
                ? "positiveOrdered (0 < x_1 < x_2 < ... < x_K)"
                : "ordered (x_1 < x_2 < ... < x_K)";
    }
}
