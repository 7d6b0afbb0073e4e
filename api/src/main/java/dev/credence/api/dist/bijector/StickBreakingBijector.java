package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * The stick-breaking bijection from {@code R^(K-1)} onto the simplex in {@code R^K}, as in the Stan
 * reference manual ("Unit simplex"): break off the fraction {@code z_k = sigmoid(x_k - log(K - 1 -
 * k))} of the stick left after {@code k} breaks,
 *
 * <pre>
 * y_k = z_k * prod_{j&lt;k} (1 - z_j)   (k &lt; K - 1),    y_{K-1} = prod_{j&lt;K-1} (1 - z_j).
 * </pre>
 *
 * The offsets make {@code x = 0} the centre of the simplex. The Jacobian of {@code x} to the first
 * {@code K - 1} coordinates is triangular, so {@code log|det J| = sum_k [log z_k + log(1 - z_k) +
 * sum_{j<k} log(1 - z_j)]}, all in log space through {@code logSigmoid}.
 */
public final class StickBreakingBijector extends Bijector {
    /** Creates the bijector. */
    public StickBreakingBijector() {}

    private static Tensor offsets(Tensor like, int n) {
        double[] off = new double[n];
        for (int k = 0; k < n; k++) {
            off[k] = Math.log(n - k);
        }
        return Tensor.of(like.backend(), off, like.dtype(), n);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor t = x.sub(offsets(x, x.dim(-1)));
        Tensor logZ = t.logSigmoid();
        Tensor logOneMinusZ = t.neg().logSigmoid();
        Tensor logRemaining = Reductions.cumsum(logOneMinusZ, -1, true, false);
        Tensor last = logOneMinusZ.sum(true, -1);
        return Tensor.concat(List.of(logZ.add(logRemaining).exp(), last.exp()), -1);
    }

    @Override
    public Tensor inverse(Tensor y) {
        int k = y.dim(-1);
        Tensor head = y.narrow(-1, 0, k - 1);
        Tensor after = Reductions.cumsum(y, -1, true, true).narrow(-1, 0, k - 1);
        return head.log().sub(after.log()).add(offsets(y, k - 1));
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        Tensor t = x.sub(offsets(x, x.dim(-1)));
        Tensor logZ = t.logSigmoid();
        Tensor logOneMinusZ = t.neg().logSigmoid();
        Tensor logRemaining = Reductions.cumsum(logOneMinusZ, -1, true, false);
        return logZ.add(logOneMinusZ).add(logRemaining).sum(false, -1);
    }

    @Override
    public Constraint domain() {
        return Constraints.realVector();
    }

    @Override
    public Constraint codomain() {
        return Constraints.simplex();
    }

    @Override
    public Shape forwardShape(Shape x) {
        int[] d = x.dims();
        d[d.length - 1] += 1;
        return Shape.of(d);
    }

    @Override
    public Shape inverseShape(Shape y) {
        int[] d = y.dims();
        d[d.length - 1] -= 1;
        return Shape.of(d);
    }
}
