package dev.credence.inference.vi;

import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The Monte Carlo ELBO of stochastic variational inference, averaged over independent particles:
 *
 * <pre>
 * ELBO = (1/P) sum_p [ log p(x, z_p) - log q(z_p) ],   z_p ~ q,
 * </pre>
 *
 * with {@code z_p} drawn by reparameterisation ({@code z = g(params, noise)}, Kingma and Welling,
 * "Auto-encoding variational Bayes", ICLR 2014), so the estimate is differentiable and its gradient
 * is unbiased. Guide sites without a reparameterised sampler (discrete ones, for example) get the
 * score-function term of {@link ScoreFunction} (Ranganath et al., "Black box variational
 * inference", AISTATS 2014), with a leave-one-out baseline when there are several particles.
 *
 * <p>The parts: the expected log-likelihood is the average of the observed sites' log-probabilities
 * (scaled by {@code N / B} in subsampled plates); the KL part is the average of {@code log q(z) -
 * log p(z)} over the latent sites, so users never weigh the KL term by hand.
 *
 * <p>Particle {@code p} uses {@code key.fold(p)}.
 */
public final class TraceElbo implements Elbo {
    private final int particles;

    /**
     * Creates the estimator.
     *
     * @param particles the number of draws averaged, at least 1
     */
    public TraceElbo(int particles) {
        if (particles < 1) {
            throw new IllegalArgumentException(
                    "TraceElbo: needs at least one particle, found " + particles);
        }
        this.particles = particles;
    }

    /** Creates the estimator with one particle. */
    public TraceElbo() {
        this(1);
    }

    /**
     * Returns the number of particles.
     *
     * @return P
     */
    public int particles() {
        return particles;
    }

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public ElboEstimate estimate(Model model, Model guide, RandomKey key) {
        List<Tensor> values = new ArrayList<>(particles);
        List<Tensor> scores = new ArrayList<>(particles);
        Tensor ll = null;
        Tensor kl = null;
        for (int p = 0; p < particles; p++) {
            ElboTraces t = ElboTraces.run(model, guide, key.fold(p));
            Tensor like = t.logLikelihood();
            Tensor div = t.logGuide().sub(t.logPrior());
            values.add(like.sub(div));
            scores.add(ScoreFunction.logDensity(t.nonReparameterised()));
            ll = ll == null ? like.detach() : ll.add(like.detach());
            kl = kl == null ? div.detach() : kl.add(div.detach());
        }
        return average(ScoreFunction.surrogates(values, scores), ll, kl, particles);
    }

    static ElboEstimate average(List<Tensor> surrogates, Tensor ll, Tensor kl, int n) {
        Tensor total = surrogates.get(0);
        for (int p = 1; p < surrogates.size(); p++) {
            total = total.add(surrogates.get(p));
        }
        return n == 1
                ? new ElboEstimate(total, ll, kl)
                : new ElboEstimate(total.div(n), ll.div(n), kl.div(n));
    }
}
