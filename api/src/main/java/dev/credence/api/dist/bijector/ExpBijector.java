package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;

/** {@code y = exp(x)}, from the real line to the positive reals; {@code log|dy/dx| = x}. */
public final class ExpBijector extends Bijector {
    /** Creates the bijector. */
    public ExpBijector() {}

    @Override
    public Tensor forward(Tensor x) {
        return x.exp();
    }

    @Override
    public Tensor inverse(Tensor y) {
        return y.log();
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
        return Constraints.positive();
    }
}
