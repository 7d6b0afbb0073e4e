package dev.credence.inference.vi;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * A Gaussian over the flat unconstrained vector whose covariance is low rank plus diagonal, {@code
 * W W^T + diag(scale^2)} ({@link LowRankMultivariateNormal}): it captures the {@code r} strongest
 * directions of posterior correlation with {@code O(D r)} parameters (Ong, Nott and Smith,
 * "Gaussian variational approximation with a factor covariance structure", 2018).
 *
 * <p>Params: {@code prefix.loc}, {@code prefix.cov_factor} ({@code D x r}, initialised with small
 * random entries, since {@code W = 0} is a stationary point) and {@code prefix.scale} (positive).
 * The initial per-coordinate variance is about {@code initScale^2}, shared equally by the two.
 */
public final class AutoLowRankMultivariateNormal extends AutoContinuous {
    private final int rank;
    private final Tensor initLoc;
    private final Tensor initFactor;
    private final Tensor initScale;

    /**
     * Builds the guide with prefix {@code auto}, initial scale 0.1 and rank {@code round(sqrt(D))}.
     *
     * @param model the model
     * @param key the key of the prototype runs
     */
    public AutoLowRankMultivariateNormal(Model model, RandomKey key) {
        this(model, key, "auto", 0.1, 0);
    }

    /**
     * Builds the guide.
     *
     * @param model the model
     * @param key the key of the prototype runs (and of the factor's initial values)
     * @param prefix the prefix of the names
     * @param initScale the initial standard deviation of every coordinate, positive
     * @param rank the rank r of the factor, or 0 for {@code max(1, round(sqrt(D)))}
     */
    public AutoLowRankMultivariateNormal(
            Model model, RandomKey key, String prefix, double initScale, int rank) {
        super(model, key, prefix);
        AutoMultivariateNormal.checkScale(initScale);
        if (rank < 0) {
            throw new IllegalArgumentException(
                    "AutoLowRankMultivariateNormal: rank must be >= 1 (or 0 for the default),"
                            + " found "
                            + rank);
        }
        this.rank = rank == 0 ? Math.max(1, (int) Math.round(Math.sqrt(dimension()))) : rank;
        this.initLoc = initialFlatLoc();
        double half = initScale * Math.sqrt(0.5);
        this.initFactor =
                key.fold(-1)
                        .normal(backend(), dtype(), dimension(), this.rank)
                        .mul(half / Math.sqrt(this.rank));
        this.initScale = initLoc.zerosLike().add(half);
    }

    /**
     * Returns the rank of the factor.
     *
     * @return r
     */
    public int rank() {
        return rank;
    }

    @Override
    protected Distribution latentDistribution(ModelContext ctx) {
        Tensor loc = ctx.param(prefix() + ".loc", initLoc);
        Tensor factor = ctx.param(prefix() + ".cov_factor", initFactor);
        Tensor scale = ctx.param(prefix() + ".scale", initScale, Constraints.positive());
        return new LowRankMultivariateNormal(loc, factor, scale.square());
    }
}
