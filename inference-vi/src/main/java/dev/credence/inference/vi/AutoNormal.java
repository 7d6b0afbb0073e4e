package dev.credence.inference.vi;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.TransformedDistribution;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.dist.constraint.IndependentConstraint;
import dev.credence.api.dist.constraint.Real;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The mean-field Gaussian guide, one independent normal per unconstrained coordinate, declared site
 * by site: for each latent site {@code s},
 *
 * <pre>
 * u_s ~ Normal(prefix.s.loc, prefix.s.scale),   s = f_s(u_s),
 * </pre>
 *
 * This is ADVI's mean-field family (Kucukelbir et al. 2017) and, for the weights of a network,
 * Bayes by Backprop (Blundell et al., "Weight uncertainty in neural networks", ICML 2015). Sites
 * with real support get a plain {@link Normal} (wrapped in {@link Independent} for vector events),
 * so {@link TraceMeanFieldElbo} computes their KL against a normal prior in closed form; other
 * sites get a {@link TransformedDistribution} of it.
 *
 * <p>A latent site inside a subsampling plate has {@code loc} and {@code scale} of the plate's full
 * size, of which each run uses the minibatch's rows (see {@link AutoGuide}). {@link
 * AutoDiagonalNormal} is the same family over one flat vector, for global sites only.
 */
public final class AutoNormal extends AutoGuide {
    private final double initScale;

    /**
     * Builds the guide with prefix {@code auto} and initial scale 0.1.
     *
     * @param model the model
     * @param key the key of the prototype runs
     */
    public AutoNormal(Model model, RandomKey key) {
        this(model, key, "auto", 0.1);
    }

    /**
     * Builds the guide.
     *
     * @param model the model
     * @param key the key of the prototype runs
     * @param prefix the prefix of the param names
     * @param initScale the initial standard deviation of every coordinate, positive
     */
    public AutoNormal(Model model, RandomKey key, String prefix, double initScale) {
        super(model, key, prefix, true);
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException(
                    "AutoNormal: initScale must be positive and finite, found " + initScale);
        }
        this.initScale = initScale;
    }

    @Override
    public void run(ModelContext ctx) {
        for (Potential.LatentSite s : sites()) {
            Tensor init = initialLoc(s);
            Tensor loc = ctx.param(prefix() + "." + s.name() + ".loc", init);
            Tensor scale =
                    ctx.param(
                            prefix() + "." + s.name() + ".scale",
                            init.zerosLike().add(initScale),
                            Constraints.positive());
            inPlates(
                    ctx,
                    s,
                    batch ->
                            ctx.sample(
                                    s.name(),
                                    distribution(s, batch.apply(loc), batch.apply(scale))));
        }
    }

    private Distribution distribution(Potential.LatentSite s, Tensor loc, Tensor scale) {
        int eventRank = unconstrainedEventRank(s);
        Distribution q = new Normal(loc, scale);
        if (eventRank > 0) {
            q = new Independent(q, eventRank);
        }
        return isReal(s.support()) ? q : new TransformedDistribution(q, bijector(s));
    }

    private static boolean isReal(Constraint c) {
        return c instanceof Real || (c instanceof IndependentConstraint ic && isReal(ic.base()));
    }
}
