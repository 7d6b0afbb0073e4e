package dev.credence.inference.vi;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The importance-weighted bound of Burda, Grosse and Salakhutdinov, "Importance weighted
 * autoencoders", ICLR 2016 (equation 8):
 *
 * <pre>
 * L_K = log (1/K) sum_k w_k = logSumExp_k(log w_k) - log K,   log w_k = log p(x, z_k) - log q(z_k),
 * </pre>
 *
 * with {@code z_1..z_K} drawn independently from the guide. {@code L_1} is the ELBO; {@code L_K}
 * never decreases in expectation as {@code K} grows (their theorem 1) and tends to {@code log p(x)}
 * when the weights are bounded. Use it to train (a tighter bound gives the model better gradients)
 * and to evaluate a fitted model: {@link #logMarginal} estimates {@code log p(x)} from below.
 *
 * <p>The parts reported: the log-likelihood part is the average over the K draws of the observed
 * sites' log-probabilities, and the KL part is that minus the bound, so that {@code elbo =
 * logLikelihood - kl} still holds (it is the average KL less the gain from importance weighting).
 *
 * <p>Under plate subsampling each log-weight is an unbiased estimate of the full-data one, but the
 * log-sum-exp of estimates is not an unbiased estimate of the full-data bound: evaluate {@code log
 * p(x)} with a model that does not subsample.
 *
 * <p>Every guide site must be reparameterised: the score-function estimator of this bound is not
 * implemented, and a guide with a discrete site is refused naming the site. Draw {@code k} uses
 * {@code key.fold(k)}.
 */
public final class ImportanceWeightedElbo implements Elbo {
    private final int samples;

    /**
     * Creates the bound.
     *
     * @param samples K, the number of importance samples, at least 1
     */
    public ImportanceWeightedElbo(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException(
                    "ImportanceWeightedElbo: needs at least one sample, found " + samples);
        }
        this.samples = samples;
    }

    /**
     * Returns the number of importance samples.
     *
     * @return K
     */
    public int samples() {
        return samples;
    }

    @Override
    public String name() {
        return "iwae";
    }

    @Override
    public ElboEstimate estimate(Model model, Model guide, RandomKey key) {
        List<Tensor> logWeights = new ArrayList<>(samples);
        Tensor ll = null;
        for (int k = 0; k < samples; k++) {
            ElboTraces t = ElboTraces.run(model, guide, key.fold(k));
            List<Site> bad = t.nonReparameterised();
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException(
                        "ImportanceWeightedElbo: guide site '"
                                + bad.get(0).name()
                                + "' ("
                                + bad.get(0).distribution().family()
                                + ") has no reparameterised sampler; the importance-weighted"
                                + " bound needs reparameterised guide sites: use TraceElbo, which"
                                + " adds a score-function term");
            }
            Tensor like = t.logLikelihood();
            logWeights.add(like.add(t.logPrior()).sub(t.logGuide()));
            ll = ll == null ? like.detach() : ll.add(like.detach());
        }
        Tensor bound = Indexing.stack(logWeights, 0).logSumExp(false, 0).sub(Math.log(samples));
        Tensor meanLl = ll.div(samples);
        return new ElboEstimate(bound, meanLl, meanLl.sub(bound.detach()));
    }

    /**
     * Estimates {@code log p(x)} from below with this bound, without recording gradients.
     *
     * @param model the model, its params bound
     * @param guide the guide, its params bound (typically a fitted one)
     * @param key the random key
     * @return {@code L_K}
     */
    public double logMarginal(Model model, Model guide, RandomKey key) {
        try (Autodiff.NoGrad off = Autodiff.noGrad()) {
            return estimate(model, guide, key).value();
        }
    }
}
