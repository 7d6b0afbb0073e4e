package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Bound;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;

/**
 * {@code y = lower + (upper - lower) sigmoid(x)}: an affine map after a sigmoid, from the real line
 * to an interval, with {@code log|dy/dx| = log(upper - lower) + logSigmoid(x) + logSigmoid(-x)}.
 * Bounds may be constants or tensors.
 */
public final class IntervalBijector extends Bijector {
    private final Bound lower;
    private final Bound upper;

    /**
     * Creates the map onto {@code (lower, upper)}.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     */
    public IntervalBijector(Bound lower, Bound upper) {
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor lo = lower.like(x);
        return lo.add(upper.like(x).sub(lo).mul(x.sigmoid()));
    }

    @Override
    public Tensor inverse(Tensor y) {
        Tensor lo = lower.like(y);
        Tensor u = y.sub(lo).div(upper.like(y).sub(lo));
        return u.log().sub(u.neg().log1p());
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        Tensor width = upper.like(x).sub(lower.like(x));
        return width.log().add(x.logSigmoid()).add(x.neg().logSigmoid());
    }

    @Override
    public Constraint domain() {
        return Constraints.real();
    }

    @Override
    public Constraint codomain() {
        return Constraints.interval(lower, upper);
    }
}
