package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * A bijector whose events take {@code reinterpreted} more trailing axes: the same map, with the
 * log-determinant summed over those axes. It is what the registries return for {@link
 * dev.credence.api.dist.constraint.IndependentConstraint}.
 */
public final class IndependentBijector extends Bijector {
    private final Bijector base;
    private final int reinterpreted;

    /**
     * Wraps a bijector.
     *
     * @param base the map
     * @param reinterpreted how many more trailing axes form one event
     */
    public IndependentBijector(Bijector base, int reinterpreted) {
        this.base = base;
        this.reinterpreted = reinterpreted;
    }

    @Override
    public Tensor forward(Tensor x) {
        return base.forward(x);
    }

    @Override
    public Tensor inverse(Tensor y) {
        return base.inverse(y);
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        return Reductions.sumRightmost(base.logAbsDetJacobian(x, y), reinterpreted);
    }

    @Override
    public Constraint domain() {
        return Constraints.independent(base.domain(), reinterpreted);
    }

    @Override
    public Constraint codomain() {
        return Constraints.independent(base.codomain(), reinterpreted);
    }

    @Override
    public Shape forwardShape(Shape x) {
        return base.forwardShape(x);
    }

    @Override
    public Shape inverseShape(Shape y) {
        return base.inverseShape(y);
    }

    @Override
    public boolean isBijective() {
        return base.isBijective();
    }

    @Override
    public String toString() {
        return "Independent(" + base + ", " + reinterpreted + ")";
    }
}
