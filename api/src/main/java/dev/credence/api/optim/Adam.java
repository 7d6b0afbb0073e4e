package dev.credence.api.optim;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.Updates;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) and its variants, one class with three options:
 *
 * <ul>
 *   <li>{@link #adam}: coupled L2 weight decay added to the gradient, as PyTorch's {@code Adam};
 *   <li>{@link #adamW}: decoupled weight decay {@code p -= lr wd p} (Loshchilov and Hutter 2019);
 *   <li>{@link #clipped}: Pyro's {@code ClippedAdam}: each gradient element clamped to {@code
 *       [-clip, clip]} and the rate multiplied by {@code lrd} every step.
 * </ul>
 *
 * With bias-corrected moments {@code m_t / (1 - b1^t)} and {@code v_t / (1 - b2^t)}, the update is
 * {@code p -= lr * mhat / (sqrt(vhat) + eps)}, computed in the order that Kingma and Ba's Section 2
 * suggests for efficiency: the corrections folded into the step size and {@code eps} (two scalars
 * per step) instead of a pass over the second moment; {@code eps} is scaled by {@code sqrt(1 -
 * b2^t)} so that the result is the same update, not the paper's variant with a constant one. Each
 * parameter takes three passes ({@link Updates}) on a backend that supplies the optimizer
 * primitives, twelve elsewhere, with the same result.
 */
public final class Adam implements Optimizer {
    private final LearningRate lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final double clip;

    private Adam(
            LearningRate lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean decoupled,
            double clip) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(
                    "Adam betas must be in [0, 1), found " + beta1 + " and " + beta2);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("Adam eps must be positive, found " + eps);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException(
                    "Adam weight decay must be >= 0, found " + weightDecay);
        }
        if (!(clip > 0)) {
            throw new IllegalArgumentException("ClippedAdam clip must be positive, found " + clip);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.clip = clip;
    }

    /**
     * Adam with PyTorch's defaults (betas 0.9, 0.999, eps 1e-8, no weight decay).
     *
     * @param lr the rate
     * @return the optimizer
     */
    public static Adam of(double lr) {
        return adam(LearningRate.constant(lr), 0.9, 0.999, 1e-8, 0);
    }

    /**
     * Adam with coupled L2 weight decay.
     *
     * @param lr the schedule
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param eps denominator guard
     * @param weightDecay L2 factor added to the gradient
     * @return the optimizer
     */
    public static Adam adam(
            LearningRate lr, double beta1, double beta2, double eps, double weightDecay) {
        return new Adam(lr, beta1, beta2, eps, weightDecay, false, Double.POSITIVE_INFINITY);
    }

    /**
     * AdamW: Adam with decoupled weight decay.
     *
     * @param lr the schedule
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param eps denominator guard
     * @param weightDecay decay factor applied as {@code p -= lr wd p}
     * @return the optimizer
     */
    public static Adam adamW(
            LearningRate lr, double beta1, double beta2, double eps, double weightDecay) {
        return new Adam(lr, beta1, beta2, eps, weightDecay, true, Double.POSITIVE_INFINITY);
    }

    /**
     * Pyro's ClippedAdam: element-wise gradient clipping and per-step rate decay.
     *
     * @param lr the initial rate
     * @param clip gradients are clamped to {@code [-clip, clip]}
     * @param lrd the rate is multiplied by this every step (1 for none)
     * @return the optimizer
     */
    public static Adam clipped(double lr, double clip, double lrd) {
        return new Adam(LearningRate.exponential(lr, lrd), 0.9, 0.999, 1e-8, 0, false, clip);
    }

    @Override
    public OptimizerState init(List<Tensor> params) {
        return Optimizer.zeros(params, 2);
    }

    @Override
    public Update step(List<Tensor> params, List<Tensor> grads, OptimizerState state) {
        Optimizer.checkAligned(params, grads, state, 2);
        long t = state.step() + 1;
        List<Tensor> out = new ArrayList<>();
        List<Tensor> ms = new ArrayList<>();
        List<Tensor> vs = new ArrayList<>();
        Corrections corrections = null;
        try (var off = Autodiff.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i).detach();
                Tensor g = grads.get(i).detach();
                if (Double.isFinite(clip)) {
                    g = Elementwise.clamp(g, -clip, clip);
                }
                if (weightDecay > 0 && !decoupled) {
                    g = g.add(p.mul(weightDecay));
                }
                if (weightDecay > 0 && decoupled) {
                    p = p.mul(Optimizer.stepScalar(p, t, s -> 1 - lr.at(s) * weightDecay));
                }
                Tensor m = Updates.ema(state.slots().get(0).get(i), g, beta1, false);
                Tensor v = Updates.ema(state.slots().get(1).get(i), g, beta2, true);
                if (corrections == null || !corrections.fit(p)) {
                    corrections = corrections(p, t);
                }
                out.add(Updates.rmsStep(p, m, v, corrections.eps(), corrections.rate()));
                ms.add(m);
                vs.add(v);
            }
        }
        return new Update(out, new OptimizerState(t, List.of(ms, vs)));
    }

    /**
     * The bias corrections of step {@code t} as two scalars, shared by every param of one dtype and
     * backend: {@code mhat / (sqrt(vhat) + eps) = sqrt(c2) m / (sqrt(v) + eps sqrt(c2))} with
     * {@code c2 = 1 - b2^t}.
     */
    private Corrections corrections(Tensor like, long t) {
        return new Corrections(
                Optimizer.stepScalar(like, t, s -> eps * Math.sqrt(1 - Math.pow(beta2, s))),
                Optimizer.stepScalar(
                        like,
                        t,
                        s ->
                                lr.at(s)
                                        * Math.sqrt(1 - Math.pow(beta2, s))
                                        / (1 - Math.pow(beta1, s))));
    }

    /** The scaled {@code eps} and step size of one step. */
    private record Corrections(Tensor eps, Tensor rate) {
        boolean fit(Tensor p) {
            return p.dtype() == rate.dtype() && p.backend() == rate.backend();
        }
    }
}
