package dev.credence.inference.vi;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.kl.KlRegistry;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The ELBO with the KL part computed in closed form wherever the {@link KlRegistry} has a rule for
 * the pair (guide distribution, prior distribution), and by Monte Carlo elsewhere:
 *
 * <pre>
 * ELBO = E_q[log p(x | z)] - sum_sites KL(q_s || p_s),
 * </pre>
 *
 * as in Bayes by Backprop (Blundell et al., "Weight uncertainty in neural networks", ICML 2015) and
 * the VAE objective with a Gaussian encoder (Kingma and Welling 2014, equation 10). Closed-form
 * terms remove their share of Monte Carlo noise; the expectation is the same as {@link
 * TraceElbo}'s.
 *
 * <p><b>When it is valid.</b> The guide must be mean-field across the sites that get an analytic
 * term: each such site's guide distribution must not depend on the values of other latent sites (it
 * may depend on data, as an amortised encoder does). The prior may depend on other latent sites,
 * since their values are drawn from the guide. Automatic guides that draw all sites jointly ({@link
 * AutoMultivariateNormal}) expose per-site {@code Delta}s, for which no rule exists, so they fall
 * back to Monte Carlo automatically.
 *
 * <p>Analytic terms are weighted by the guide site's scale and mask (plate subsampling), like the
 * Monte Carlo ones.
 */
public final class TraceMeanFieldElbo implements Elbo {
    private final int particles;
    private final KlRegistry registry;

    /**
     * Creates the estimator with the default KL rules.
     *
     * @param particles the number of draws averaged, at least 1
     */
    public TraceMeanFieldElbo(int particles) {
        this(particles, KlRegistry.defaults());
    }

    /**
     * Creates the estimator with given KL rules.
     *
     * @param particles the number of draws averaged, at least 1
     * @param registry the rules
     */
    public TraceMeanFieldElbo(int particles, KlRegistry registry) {
        if (particles < 1) {
            throw new IllegalArgumentException(
                    "TraceMeanFieldElbo: needs at least one particle, found " + particles);
        }
        this.particles = particles;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "meanfield";
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
            Tensor div = divergence(t);
            values.add(like.sub(div));
            scores.add(ScoreFunction.logDensity(t.nonReparameterised()));
            ll = ll == null ? like.detach() : ll.add(like.detach());
            kl = kl == null ? div.detach() : kl.add(div.detach());
        }
        return TraceElbo.average(ScoreFunction.surrogates(values, scores), ll, kl, particles);
    }

    /** The KL part of one particle: analytic per site where possible, else log q - log p. */
    private Tensor divergence(ElboTraces t) {
        Tensor total = t.sum(List.of());
        for (Site q : t.guide().latentSites()) {
            Site p = t.model().contains(q.name()) ? t.model().get(q.name()) : null;
            if (p != null && p.isLatent() && analytic(q.distribution(), p.distribution())) {
                Tensor k = registry.kl(q.distribution(), p.distribution());
                if (q.mask() != null) {
                    k = Tensor.where(q.mask(), k, k.zerosLike());
                }
                total = total.add(q.scale() == 1 ? k.sum() : k.sum().mul(q.scale()));
            } else {
                total = total.add(q.logProbSum());
                if (p != null && p.isLatent()) {
                    total = total.sub(p.logProbSum());
                }
            }
        }
        return total;
    }

    /** Whether a rule applies, looking inside matching {@link Independent} wrappers. */
    private boolean analytic(Distribution q, Distribution p) {
        if (!q.batchShape().equals(p.batchShape()) || !q.eventShape().equals(p.eventShape())) {
            return false;
        }
        if (q instanceof Independent qi && p instanceof Independent pi) {
            return qi.reinterpreted() == pi.reinterpreted() && analytic(qi.base(), pi.base());
        }
        return registry.has(q.getClass(), p.getClass());
    }
}
