package dev.credence.inference.vi;

import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * One step of an inverse autoregressive flow (Kingma, Salimans, Jozefowicz, Chen, Sutskever and
 * Welling, "Improving variational inference with inverse autoregressive flow", NeurIPS 2016,
 * equations 10-11), on vectors of {@code D} coordinates:
 *
 * <pre>
 * y_i = x_i exp(s_i(x_(&lt;i))) + mu_i(x_(&lt;i)),     log|det dy/dx| = sum_i s_i,
 * </pre>
 *
 * where {@code mu} and {@code s} come from a {@link MaskedAutoregressiveNetwork}, so that each
 * output depends on the inputs before it in the network's ordering and the Jacobian is triangular.
 * The log-scale is bounded softly, {@code s = B tanh(s_raw / B)} with {@code B} = {@value
 * #LOG_SCALE_BOUND}, which keeps each step's scale within {@code exp(+-B)} as clipping does in
 * Pyro's {@code AffineAutoregressive}, but without cutting the gradient.
 *
 * <p>Sampling and density evaluation of a draw both run forward, in one pass of the network (what
 * makes IAF the flow for variational guides); the inverse needs {@code D} sequential passes and is
 * used only for the density of a point the flow did not produce. The bijector remembers its last
 * input and output (by identity), so that {@link #logAbsDetJacobian} of a draw it just made, and a
 * repeated {@link #forward} of the same tensor, cost nothing. A bijector is made per guide run from
 * that run's param tensors and is not shared between threads.
 */
public final class InverseAutoregressiveBijector extends Bijector {
    /** The bound B of the log-scale of each coordinate. */
    public static final double LOG_SCALE_BOUND = 5;

    private final MaskedAutoregressiveNetwork network;
    private final List<Tensor> weights;
    private Tensor lastX;
    private Tensor lastY;
    private Tensor lastLogScale;

    /**
     * Creates the step from a network's structure and weights.
     *
     * @param network the masked network
     * @param weights its weights, in {@link MaskedAutoregressiveNetwork#paramNames} order
     */
    InverseAutoregressiveBijector(MaskedAutoregressiveNetwork network, List<Tensor> weights) {
        this.network = network;
        this.weights = List.copyOf(weights);
    }

    private Tensor[] shiftAndLogScale(Tensor x) {
        Tensor[] out = network.apply(x, weights);
        out[1] = out[1].div(LOG_SCALE_BOUND).tanh().mul(LOG_SCALE_BOUND);
        return out;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x == lastX) {
            return lastY;
        }
        Tensor[] ms = shiftAndLogScale(x);
        Tensor y = x.mul(ms[1].exp()).add(ms[0]);
        lastX = x;
        lastY = y;
        lastLogScale = ms[1];
        return y;
    }

    @Override
    public Tensor inverse(Tensor y) {
        if (y == lastY) {
            return lastX;
        }
        // After pass t the coordinates of the first t degrees are exact, so D passes suffice.
        Tensor x = y;
        for (int t = 0; t < network.inputs(); t++) {
            Tensor[] ms = shiftAndLogScale(x);
            x = y.sub(ms[0]).mul(ms[1].neg().exp());
        }
        return x;
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        Tensor s = x == lastX ? lastLogScale : shiftAndLogScale(x)[1];
        return s.sum(false, -1);
    }

    @Override
    public Constraint domain() {
        return Constraints.independent(Constraints.real(), 1);
    }

    @Override
    public Constraint codomain() {
        return Constraints.independent(Constraints.real(), 1);
    }
}
