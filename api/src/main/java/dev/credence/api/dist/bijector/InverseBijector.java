package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.tensor.Tensor;

/**
 * The inverse of a bijector: forward and inverse exchanged, domain and codomain exchanged, and
 * {@code log|det J_{f^-1}(y)| = -log|det J_f(x)|} at {@code x = f^-1(y)}.
 */
public final class InverseBijector extends Bijector {
    private final Bijector base;

    /**
     * Inverts a bijector.
     *
     * @param base the map to invert
     */
    public InverseBijector(Bijector base) {
        this.base = base;
    }

    @Override
    public Tensor forward(Tensor x) {
        return base.inverse(x);
    }

    @Override
    public Tensor inverse(Tensor y) {
        return base.forward(y);
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        return base.logAbsDetJacobian(y, x).neg();
    }

    @Override
    public Constraint domain() {
        return base.codomain();
    }

    @Override
    public Constraint codomain() {
        return base.domain();
    }

    @Override
    public Shape forwardShape(Shape x) {
        return base.inverseShape(x);
    }

    @Override
    public Shape inverseShape(Shape y) {
        return base.forwardShape(y);
    }

    @Override
    public boolean isBijective() {
        return base.isBijective();
    }

    @Override
    public Bijector inv() {
        return base;
    }

    @Override
    public String toString() {
        return "Inverse(" + base + ")";
    }
}
