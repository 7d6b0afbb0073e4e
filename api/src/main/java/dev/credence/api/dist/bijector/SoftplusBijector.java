package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;

/**
 * {@code y = softplus(x) = log(1 + e^x)}, from the real line to the positive reals; linear for
 * large x, so it grows gently where {@link ExpBijector} explodes. {@code log|dy/dx| =
 * logSigmoid(x)}, and the inverse is {@code y + log(-expm1(-y))}.
 */
public final class SoftplusBijector extends Bijector {
    /** Creates the bijector. */
    public SoftplusBijector() {}

    @Override
    public Tensor forward(Tensor x) {
        return x.softplus();
    }

    @Override
    public Tensor inverse(Tensor y) {
        return y.add(y.neg().expm1().neg().log());
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        return x.logSigmoid();
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
