package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * {@code y = softmax(x)} along the last axis: a cheap, smooth map from {@code R^K} onto the simplex
 * for variational parameters ({@link BijectorRegistry#transformTo()}). It is not a bijection
 * (adding a constant to x changes nothing), so it has no log-determinant; {@link #inverse} returns
 * the representative {@code log y - mean(log y)}.
 */
public final class SoftmaxTransform extends Bijector {
    /** Creates the transform. */
    public SoftmaxTransform() {}

    @Override
    public Tensor forward(Tensor x) {
        return Reductions.softmax(x, -1);
    }

    @Override
    public Tensor inverse(Tensor y) {
        Tensor l = y.log();
        return l.sub(l.mean(true, -1));
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        throw new UnsupportedOperationException(
                "SoftmaxTransform is not a bijection and has no log-determinant; use"
                        + " StickBreakingBijector (BijectorRegistry.bijectTo) for densities");
    }

    @Override
    public boolean isBijective() {
        return false;
    }

    @Override
    public Constraint domain() {
        return Constraints.realVector();
    }

    @Override
    public Constraint codomain() {
        return Constraints.simplex();
    }
}
