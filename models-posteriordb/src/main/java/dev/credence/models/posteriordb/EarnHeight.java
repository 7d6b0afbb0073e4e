package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code earnings-earn_height}: yearly earnings regressed on height (Gelman and Hill,
 * "Data Analysis Using Regression and Multilevel/Hierarchical Models", chapter 4), with Stan's flat
 * priors on all parameters.
 *
 * <pre>
 * parameters { vector[2] beta; real&lt;lower=0&gt; sigma; }
 * model { earn ~ normal(beta[1] + beta[2] * height, sigma); }
 * </pre>
 */
public final class EarnHeight implements Model {
    private final Tensor earn;
    private final Tensor height;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param earn yearly earnings, one per person
     * @param height heights in inches, one per person
     */
    public EarnHeight(Backend b, double[] earn, double[] height) {
        this.earn = Tensor.of(b, earn);
        this.height = Tensor.of(b, height);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, earn, height}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static EarnHeight of(Backend b, PosteriorData d) {
        return new EarnHeight(b, d.reals("earn"), d.reals("height"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = earn.backend();
        Tensor beta = ctx.sample("beta", ImproperUniform.of(b, Constraints.real(), 2));
        Tensor sigma = ctx.sample("sigma", ImproperUniform.of(b, Constraints.positive()));
        Tensor mu = beta.get(0).add(beta.get(1).mul(height));
        ctx.observe("earn", new Normal(mu, sigma), earn);
    }
}
