package dev.credence.inference.vi;

import dev.credence.api.dist.Delta;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * A guide that draws all latent sites jointly as one vector {@code u} on the unconstrained space,
 * then hands each model site its constrained slice:
 *
 * <pre>
 * u ~ q(u)                          (the auxiliary site prefix_latent)
 * s = f_s(u_s) for each site s      (a Delta carrying -log|det J_f_s(u_s)|)
 * </pre>
 *
 * The per-site {@link Delta}s carry minus the log-determinant of their bijection, so the guide's
 * total log-density is {@code log q(u) - sum_s log|det J_f_s|}, the density of the constrained
 * values: the change of variables of ADVI (Kucukelbir et al. 2017, section 2.3). Subclasses choose
 * {@code q}: {@link AutoDiagonalNormal}, {@link AutoMultivariateNormal}, {@link
 * AutoLowRankMultivariateNormal}, and a point mass in {@link AutoLaplace}.
 */
public abstract class AutoContinuous extends AutoGuide {

    /**
     * Builds the layout.
     *
     * @param model the model
     * @param key the key of the prototype runs
     * @param prefix the prefix of the param names and of the auxiliary site
     */
    protected AutoContinuous(Model model, RandomKey key, String prefix) {
        super(model, key, prefix, false);
    }

    /**
     * Declares the guide's params and returns the distribution of the flat vector.
     *
     * @param ctx the context of the run
     * @return a distribution over vectors of {@link #dimension()} coordinates
     */
    protected abstract Distribution latentDistribution(ModelContext ctx);

    /**
     * Returns the name of the auxiliary site that holds the flat vector.
     *
     * @return {@code prefix_latent}
     */
    public final String latentSiteName() {
        return prefix() + "_latent";
    }

    @Override
    public final void run(ModelContext ctx) {
        Tensor u = ctx.sample(latentSiteName(), latentDistribution(ctx));
        for (Potential.LatentSite s : sites()) {
            Tensor slice =
                    u.narrow(-1, s.offset(), s.offset() + s.size())
                            .reshape(s.unconstrainedShape().dims());
            Bijector b = bijector(s);
            Tensor y = b.forward(slice);
            Tensor logDet = b.logAbsDetJacobian(slice, y).sum();
            ctx.sample(s.name(), new Delta(y, logDet.neg(), y.rank()));
        }
    }
}
