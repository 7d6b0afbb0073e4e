package dev.credence.api.optim;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum and (coupled) weight decay, as PyTorch's
 * {@code SGD}: {@code g' = g + wd p}, {@code v = mu v + g'}, {@code p = p - lr v} (Nesterov: {@code
 * p = p - lr (g' + mu v)}). Without momentum it is plain gradient descent.
 */
public final class Sgd implements Optimizer {
    private final LearningRate lr;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    /**
     * Creates the optimizer.
     *
     * @param lr the schedule
     * @param momentum the momentum factor in [0, 1)
     * @param nesterov whether to use Nesterov momentum
     * @param weightDecay the L2 penalty factor, at least 0
     */
    public Sgd(LearningRate lr, double momentum, boolean nesterov, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD momentum must be in [0, 1), found " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException(
                    "SGD weight decay must be >= 0, found " + weightDecay);
        }
        this.lr = lr;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /**
     * Plain gradient descent with a constant rate.
     *
     * @param lr the rate
     * @return the optimizer
     */
    public static Sgd of(double lr) {
        return new Sgd(LearningRate.constant(lr), 0, false, 0);
    }

    @Override
    public OptimizerState init(List<Tensor> params) {
        return Optimizer.zeros(params, 1);
    }

    @Override
    public Update step(List<Tensor> params, List<Tensor> grads, OptimizerState state) {
        Optimizer.checkAligned(params, grads, state, 1);
        long t = state.step() + 1;
        List<Tensor> out = new ArrayList<>();
        List<Tensor> vel = new ArrayList<>();
        try (var off = Autodiff.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i).detach();
                Tensor g = grads.get(i).detach();
                if (weightDecay > 0) {
                    g = g.add(p.mul(weightDecay));
                }
                Tensor v = momentum > 0 ? state.slots().get(0).get(i).mul(momentum).add(g) : g;
                Tensor dir = nesterov ? g.add(v.mul(momentum)) : v;
                out.add(p.sub(dir.mul(Optimizer.stepScalar(p, t, lr::at))));
                vel.add(momentum > 0 ? v : state.slots().get(0).get(i));
            }
        }
        return new Update(out, new OptimizerState(t, List.of(vel)));
    }
}
