package dev.credence.inference.vi;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.dist.Validation;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * One estimate of an ELBO and of its gradient with respect to the unconstrained params: what one
 * step of {@link Svi} needs, computed in this process by {@link #of} or gathered elsewhere (summed
 * over the data shards of a cluster, say) and handed to {@link Svi#update}.
 *
 * <p>Because an ELBO over independent data is a sum, estimates over disjoint parts of the data,
 * computed at the same params with the same key, add up to the estimate over all of it: the numbers
 * add and so do the gradients. {@link #plus} is that sum.
 *
 * @param elbo the ELBO estimate
 * @param logLikelihood its expected log-likelihood part
 * @param kl its KL part ({@code elbo = logLikelihood - kl})
 * @param lossGrads the gradient of the loss {@code -elbo}, one tensor per param of the {@link
 *     ParamSpace}, in order and shaped like the params' unconstrained values
 */
public record ElboGradient(double elbo, double logLikelihood, double kl, List<Tensor> lossGrads) {

    /**
     * Copies the list.
     *
     * @param elbo the ELBO estimate
     * @param logLikelihood its log-likelihood part
     * @param kl its KL part
     * @param lossGrads the gradient of {@code -elbo}
     */
    public ElboGradient {
        lossGrads = List.copyOf(lossGrads);
    }

    /**
     * Estimates the ELBO and its gradient at given params, with distribution argument validation
     * off (a value outside its support shows as a non-finite estimate, which {@link Svi#update}
     * reports).
     *
     * @param elbo the objective
     * @param model the model, its params not yet bound
     * @param guide the guide, its params not yet bound
     * @param space the params of the model and the guide
     * @param params their unconstrained values, one per param of {@code space}
     * @param key the estimate's key (in {@link Svi}, {@code runKey.fold(step)})
     * @return the estimate, its parts and the gradient of the loss
     */
    public static ElboGradient of(
            Elbo elbo,
            Model model,
            Model guide,
            ParamSpace space,
            List<Tensor> params,
            RandomKey key) {
        Parts p = parts(elbo, model, guide, space, params, key);
        return new ElboGradient(
                -p.loss().item(), p.logLikelihood().item(), p.kl().item(), p.lossGrads());
    }

    /**
     * The estimate as tensors, before anything is read on the host: what {@link #of} reads, and
     * what a recorded training step ({@link CompiledSviStep}) keeps as outputs.
     *
     * @param loss the loss {@code -elbo}, a scalar
     * @param logLikelihood the log-likelihood part
     * @param kl the KL part
     * @param lossGrads the gradient of the loss, one tensor per param
     */
    record Parts(Tensor loss, Tensor logLikelihood, Tensor kl, List<Tensor> lossGrads) {}

    /** Computes the estimate's tensors, as {@link #of} does, without reading them. */
    static Parts parts(
            Elbo elbo,
            Model model,
            Model guide,
            ParamSpace space,
            List<Tensor> params,
            RandomKey key) {
        ElboEstimate[] last = new ElboEstimate[1];
        Autodiff.ValueAndGrad r;
        try (Validation.Scope off = Validation.disable()) {
            r =
                    Autodiff.valueAndGrad(
                            xs -> {
                                Map<String, Tensor> c = space.constrain(xs);
                                last[0] =
                                        elbo.estimate(
                                                ParamSpace.bind(model, c),
                                                ParamSpace.bind(guide, c),
                                                key);
                                return last[0].loss();
                            },
                            params);
        }
        return new Parts(r.value(), last[0].logLikelihood(), last[0].kl(), r.grads());
    }

    /**
     * Adds an estimate over another part of the data.
     *
     * @param other an estimate at the same params with the same key, over disjoint data
     * @return the estimate over both parts
     * @throws IllegalArgumentException if the two have different numbers of params
     */
    public ElboGradient plus(ElboGradient other) {
        if (other.lossGrads.size() != lossGrads.size()) {
            throw new IllegalArgumentException(
                    "ELBO gradients over "
                            + lossGrads.size()
                            + " and "
                            + other.lossGrads.size()
                            + " params cannot be added");
        }
        Tensor[] sum = new Tensor[lossGrads.size()];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = lossGrads.get(i).add(other.lossGrads.get(i));
        }
        return new ElboGradient(
                elbo + other.elbo,
                logLikelihood + other.logLikelihood,
                kl + other.kl,
                List.of(sum));
    }
}
