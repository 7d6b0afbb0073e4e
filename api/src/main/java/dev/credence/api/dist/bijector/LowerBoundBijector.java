package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Bound;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;

/**
 * {@code y = lower + exp(x)}, from the real line to the values above a bound; {@code log|dy/dx| =
 * x}. With bound 0 use {@link ExpBijector}.
 */
public final class LowerBoundBijector extends Bijector {
    private final Bound lower;

    /**
     * Creates the map onto {@code (lower, infinity)}.
     *
     * @param lower the bound
     */
    public LowerBoundBijector(Bound lower) {
        this.lower = lower;
    }

    @Override
    public Tensor forward(Tensor x) {
        return lower.like(x).add(x.exp());
    }

    @Override
    public Tensor inverse(Tensor y) {
        return y.sub(lower.like(y)).log();
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        return x;
    }

    @Override
    public Constraint domain() {
        return Constraints.real();
    }

    @Override
    public Constraint codomain() {
        return Constraints.greaterThan(lower);
    }
}
