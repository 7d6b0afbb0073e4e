package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code kilpisjarvi_mod-kilpisjarvi}: a linear trend in the summer temperature at lake
 * Kilpisjärvi, 1952-2013, with given normal priors (the BDA course demo). The years are not
 * centred, so {@code alpha} and {@code beta} are almost perfectly correlated: a hard geometry for a
 * diagonal metric, kept as posteriordb has it.
 *
 * <pre>
 * parameters { real alpha; real beta; real&lt;lower=0&gt; sigma; }
 * model {
 *   alpha ~ normal(pmualpha, psalpha);
 *   beta ~ normal(pmubeta, psbeta);
 *   y ~ normal(alpha + beta * x, sigma);
 * }
 * </pre>
 */
public final class Kilpisjarvi implements Model {
    private final Tensor x;
    private final Tensor y;
    private final double[] priors;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param x the years
     * @param y the temperatures
     * @param priors {@code pmualpha, psalpha, pmubeta, psbeta}
     */
    public Kilpisjarvi(Backend b, double[] x, double[] y, double... priors) {
        if (priors.length != 4) {
            throw new IllegalArgumentException(
                    "Kilpisjarvi: needs 4 prior constants (pmualpha, psalpha, pmubeta, psbeta),"
                            + " found "
                            + priors.length);
        }
        this.x = Tensor.of(b, x);
        this.y = Tensor.of(b, y);
        this.priors = priors.clone();
    }

    /**
     * Creates the model from posteriordb's data.
     *
     * @param b the backend
     * @param d the data ({@code x, y, pmualpha, psalpha, pmubeta, psbeta})
     * @return the model
     */
    public static Kilpisjarvi of(Backend b, PosteriorData d) {
        return new Kilpisjarvi(
                b,
                d.reals("x"),
                d.reals("y"),
                d.real("pmualpha"),
                d.real("psalpha"),
                d.real("pmubeta"),
                d.real("psbeta"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        Tensor alpha = ctx.sample("alpha", Normal.of(b, priors[0], priors[1]));
        Tensor beta = ctx.sample("beta", Normal.of(b, priors[2], priors[3]));
        Tensor sigma = ctx.sample("sigma", ImproperUniform.of(b, Constraints.positive()));
        ctx.observe("y", new Normal(alpha.add(beta.mul(x)), sigma), y);
    }
}
