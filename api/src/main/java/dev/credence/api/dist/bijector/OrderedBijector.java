package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * The bijection from {@code R^K} onto strictly increasing vectors of the Stan reference manual
 * ("Ordered vector" and "Positive ordered vector"): the first entry is kept (or exponentiated, for
 * {@code positive_ordered}) and each later entry adds a positive step,
 *
 * <pre>
 * y_1 = x_1  (positive: exp(x_1)),    y_k = y_(k-1) + exp(x_k)   for k = 2..K.
 * </pre>
 *
 * The Jacobian is lower-triangular with diagonal {@code (1 or exp(x_1), exp(x_2), ..., exp(x_K))},
 * so {@code log|det J| = sum_(k>=2) x_k}, plus {@code x_1} for the positive variant.
 */
public final class OrderedBijector extends Bijector {
    private final boolean positive;

    /**
     * Creates the bijector.
     *
     * @param positive whether the first entry is also positive ({@code positive_ordered})
     */
    public OrderedBijector(boolean positive) {
        this.positive = positive;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Reductions.cumsum(steps(x), -1);
    }

    /** The first entry (exponentiated if positive), then the exponentiated increments. */
    private Tensor steps(Tensor x) {
        int k = x.dim(-1);
        if (positive) {
            return x.exp();
        }
        if (k == 1) {
            return x;
        }
        return Tensor.concat(List.of(x.narrow(-1, 0, 1), x.narrow(-1, 1, k).exp()), -1);
    }

    @Override
    public Tensor inverse(Tensor y) {
        int k = y.dim(-1);
        Tensor first = y.narrow(-1, 0, 1);
        if (positive) {
            first = first.log();
        }
        if (k == 1) {
            return first;
        }
        Tensor rest = y.narrow(-1, 1, k).sub(y.narrow(-1, 0, k - 1)).log();
        return Tensor.concat(List.of(first, rest), -1);
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        int k = x.dim(-1);
        Tensor summed = positive ? x : x.narrow(-1, 1, k);
        return summed.sum(false, x.rank() - 1);
    }

    @Override
    public Constraint domain() {
        return Constraints.realVector();
    }

    @Override
    public Constraint codomain() {
        return positive ? Constraints.positiveOrdered() : Constraints.ordered();
    }

    @Override
    public String toString() {
        return positive ? "OrderedBijector(positive)" : "OrderedBijector";
    }
}
