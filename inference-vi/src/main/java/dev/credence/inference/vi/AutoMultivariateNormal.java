package dev.credence.inference.vi;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.MultivariateNormal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;

/**
 * The full-rank Gaussian over the flat unconstrained vector: {@code u ~ MultivariateNormal(
 * prefix.loc, prefix.scale_tril)} with a lower Cholesky factor kept valid by the {@code
 * lowerCholesky} constraint (a positive diagonal). This is full-rank ADVI (Kucukelbir et al. 2017,
 * section 2.5): it captures posterior correlations, at {@code O(D^2)} parameters.
 */
public final class AutoMultivariateNormal extends AutoContinuous {
    private final Tensor initLoc;
    private final Tensor initTril;

    /**
     * Builds the guide with prefix {@code auto} and initial scale 0.1.
     *
     * @param model the model
     * @param key the key of the prototype runs
     */
    public AutoMultivariateNormal(Model model, RandomKey key) {
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
    public AutoMultivariateNormal(Model model, RandomKey key, String prefix, double initScale) {
        super(model, key, prefix);
        this.initLoc = initialFlatLoc();
        this.initTril =
                LinearAlgebra.eye(backend(), dimension(), dtype()).mul(checkScale(initScale));
    }

    static double checkScale(double s) {
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException(
                    "automatic guide: initScale must be positive and finite, found " + s);
        }
        return s;
    }

    /**
     * Returns the name of the location param.
     *
     * @return {@code prefix.loc}
     */
    public String locName() {
        return prefix() + ".loc";
    }

    /**
     * Returns the name of the Cholesky-factor param.
     *
     * @return {@code prefix.scale_tril}
     */
    public String scaleTrilName() {
        return prefix() + ".scale_tril";
    }

    @Override
    protected Distribution latentDistribution(ModelContext ctx) {
        Tensor loc = ctx.param(locName(), initLoc);
        Tensor tril = ctx.param(scaleTrilName(), initTril, Constraints.lowerCholesky());
        return new MultivariateNormal(loc, tril);
    }
}
