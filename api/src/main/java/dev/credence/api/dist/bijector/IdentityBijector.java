package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/** The identity on real events of {@code eventDim} axes; its log-determinant is 0. */
public final class IdentityBijector extends Bijector {
    private final int eventDim;

    /**
     * Creates the identity on events of a given number of axes.
     *
     * @param eventDim the number of trailing axes forming one event
     */
    public IdentityBijector(int eventDim) {
        this.eventDim = eventDim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x;
    }

    @Override
    public Tensor inverse(Tensor y) {
        return y;
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        int[] d = x.shape().dims();
        int[] batch = Arrays.copyOf(d, d.length - eventDim);
        Shape s = Shape.of(batch);
        return s.rank() == 0 ? x.scalarLike(0) : Tensor.zeros(x.backend(), x.dtype(), batch);
    }

    @Override
    public Constraint domain() {
        return Constraints.independent(Constraints.real(), eventDim);
    }

    @Override
    public Constraint codomain() {
        return Constraints.independent(Constraints.real(), eventDim);
    }
}
