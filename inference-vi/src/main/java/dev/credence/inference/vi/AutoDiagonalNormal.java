package dev.credence.inference.vi;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The mean-field Gaussian over the flat unconstrained vector: {@code u ~ Normal(prefix.loc,
 * prefix.scale)} with independent coordinates, the mean-field family of ADVI (Kucukelbir et al.
 * 2017). The same family as {@link AutoNormal}, declared as two vectors instead of per site.
 */
public final class AutoDiagonalNormal extends AutoContinuous {
    private final Tensor initLoc;
    private final Tensor initScale;

    /**
     * Builds the guide with prefix {@code auto} and initial scale 0.1.
     *
     * @param model the model
     * @param key the key of the prototype runs
     */
    public AutoDiagonalNormal(Model model, RandomKey key) {
        this(model, key, "auto", 0.1);
    }

    /**
     * Builds the guide.
     *
     * @param model the model
     * @param key the key of the prototype runs
     * @param prefix the prefix of the names
     * @param initScale the initial standard deviation of every coordinate, positive
     */
    public AutoDiagonalNormal(Model model, RandomKey key, String prefix, double initScale) {
        super(model, key, prefix);
        this.initLoc = initialFlatLoc();
        this.initScale = initLoc.zerosLike().add(AutoMultivariateNormal.checkScale(initScale));
    }

    @Override
    protected Distribution latentDistribution(ModelContext ctx) {
        Tensor loc = ctx.param(prefix() + ".loc", initLoc);
        Tensor scale = ctx.param(prefix() + ".scale", initScale, Constraints.positive());
        return new Independent(new Normal(loc, scale), 1);
    }
}
