package dev.credence.inference.vi;

import dev.credence.api.dist.Delta;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The point-mass guide: each latent site is a {@link Delta} at a param {@code prefix.site} kept in
 * the site's support. The guide's log-density is 0, so maximising the ELBO maximises {@code log
 * p(x, z)}: maximum a posteriori estimation on the constrained space (without the Jacobian of the
 * unconstrained parameterisation). {@link AutoLaplace} is the variant on the unconstrained space
 * with a Gaussian around the mode. Sites inside subsampling plates get one point per data point, of
 * which each run uses the minibatch's (see {@link AutoGuide}).
 */
public final class AutoDelta extends AutoGuide {
    private final Map<String, Tensor> inits = new LinkedHashMap<>();

    /**
     * Builds the guide with prefix {@code auto}.
     *
     * @param model the model
     * @param key the key of the prototype runs
     */
    public AutoDelta(Model model, RandomKey key) {
        this(model, key, "auto");
    }

    /**
     * Builds the guide.
     *
     * @param model the model
     * @param key the key of the prototype runs
     * @param prefix the prefix of the param names
     */
    public AutoDelta(Model model, RandomKey key, String prefix) {
        super(model, key, prefix, true);
        for (Potential.LatentSite s : sites()) {
            inits.put(s.name(), bijector(s).forward(initialLoc(s)));
        }
    }

    @Override
    public void run(ModelContext ctx) {
        for (Potential.LatentSite s : sites()) {
            Tensor value = ctx.param(prefix() + "." + s.name(), inits.get(s.name()), s.support());
            inPlates(
                    ctx,
                    s,
                    batch -> ctx.sample(s.name(), new Delta(batch.apply(value), eventRank(s))));
        }
    }
}
