package dev.credence.inference.vi;

import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The two traces behind one particle of an ELBO: the guide run under a seed, and the model run with
 * its latent sites replayed from the guide (and its subsampling plates given the guide's
 * minibatch).
 *
 * <p>This is the building block for writing another bound: {@code logLikelihood() + logPrior() -
 * logGuide()} is the single-sample log importance weight {@code log p(x, z) - log q(z)}.
 *
 * @param guide the guide's trace
 * @param model the model's trace, replayed on the guide
 */
public record ElboTraces(Trace guide, Trace model) {

    /**
     * Runs the guide, then the model replayed on it.
     *
     * @param model the model
     * @param guide the guide
     * @param key the particle's key (split in two: guide, model)
     * @return the traces
     * @throws IllegalArgumentException if a latent site of the model has no guide site
     */
    public static ElboTraces run(Model model, Model guide, RandomKey key) {
        RandomKey[] k = key.split(2);
        Trace g = Handlers.trace(Handlers.seed(guide, k[0]));
        Trace m = Handlers.trace(Handlers.seed(Handlers.replay(model, g), k[1]));
        for (Site s : m.latentSites()) {
            if (!g.contains(s.name()) || !g.get(s.name()).isLatent()) {
                throw new IllegalArgumentException(
                        "the model's latent site '"
                                + s.name()
                                + "' has no latent site of the same name in the guide, so it"
                                + " would be drawn from its prior and the ELBO would be wrong;"
                                + " guide latent sites: "
                                + names(g.latentSites()));
            }
        }
        return new ElboTraces(g, m);
    }

    /**
     * Returns the log-likelihood: the scaled, masked log-probabilities of the model's observed
     * sites.
     *
     * @return a scalar, 0 if the model observes nothing
     */
    public Tensor logLikelihood() {
        return sum(model.observedSites());
    }

    /**
     * Returns the log prior density of the model's latent sites at the guide's values.
     *
     * @return a scalar
     */
    public Tensor logPrior() {
        return sum(model.latentSites());
    }

    /**
     * Returns the log density of the guide's latent sites at their values.
     *
     * @return a scalar
     */
    public Tensor logGuide() {
        return sum(guide.latentSites());
    }

    /**
     * Returns the guide's latent sites whose distribution has no reparameterised sampler: their
     * draws carry no gradient, so a score-function term is needed.
     *
     * @return the sites, empty when every guide site is reparameterised
     */
    public List<Site> nonReparameterised() {
        List<Site> out = new ArrayList<>();
        for (Site s : guide.latentSites()) {
            if (!s.distribution().hasRsample()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Sums the scaled, masked log-probabilities of sites.
     *
     * @param sites random sites
     * @return a scalar, 0 (as a tensor like the first random site's value) for no sites
     */
    Tensor sum(List<Site> sites) {
        Tensor total = null;
        for (Site s : sites) {
            Tensor lp = s.logProbSum();
            total = total == null ? lp : total.add(lp);
        }
        return total == null ? zero() : total;
    }

    private Tensor zero() {
        for (Site s : guide.sites()) {
            if (s.value() != null && s.value().dtype().isFloating()) {
                return s.value().detach().sum().zerosLike();
            }
        }
        for (Site s : model.sites()) {
            if (s.value() != null && s.value().dtype().isFloating()) {
                return s.value().detach().sum().zerosLike();
            }
        }
        throw new IllegalStateException(
                "neither the model nor the guide has a floating-point site to estimate an ELBO"
                        + " from; model: "
                        + model
                        + ", guide: "
                        + guide);
    }

    static List<String> names(List<Site> sites) {
        return sites.stream().map(Site::name).toList();
    }
}
