package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;

/**
 * {@code y = sigmoid(x)}, from the real line to the unit interval. {@code log|dy/dx| =
 * logSigmoid(x) + logSigmoid(-x)}, exact for any x; the inverse is {@code log y - log1p(-y)}.
 */
public final class SigmoidBijector extends Bijector {
    /** Creates the bijector. */
    public SigmoidBijector() {}

    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }

    @Override
    public Tensor inverse(Tensor y) {
        return y.log().sub(y.neg().log1p());
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        return x.logSigmoid().add(x.neg().logSigmoid());
    }

    @Override
    public Constraint domain() {
        return Constraints.real();
    }

    @Override
    public Constraint codomain() {
        return Constraints.unitInterval();
    }
}
