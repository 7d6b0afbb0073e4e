package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.Beta;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * posteriordb {@code low_dim_gauss_mix-low_dim_gauss_mix}: a two-component normal mixture in one
 * dimension, with ordered locations so that the components cannot swap labels.
 *
 * <pre>
 * parameters { ordered[2] mu; array[2] real&lt;lower=0&gt; sigma; real&lt;lower=0, upper=1&gt; theta; }
 * model {
 *   sigma ~ normal(0, 2);  mu ~ normal(0, 2);  theta ~ beta(5, 5);
 *   for (n in 1:N)
 *     target += log_mix(theta, normal_lpdf(y[n] | mu[1], sigma[1]),
 *                              normal_lpdf(y[n] | mu[2], sigma[2]));
 * }
 * </pre>
 *
 * {@code mu ~ normal(0, 2)} on an ordered vector is the normal density restricted to the ordered
 * set: a flat prior on that support plus the normal log-density as a factor. {@code log_mix} is a
 * log-sum-exp over the two components, for all observations at once.
 */
public final class LowDimGaussMix implements Model {
    private final Tensor y;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param y the observations
     */
    public LowDimGaussMix(Backend b, double[] y) {
        this.y = Tensor.of(b, y);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, y}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static LowDimGaussMix of(Backend b, PosteriorData d) {
        return new LowDimGaussMix(b, d.reals("y"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        Tensor mu = ctx.sample("mu", ImproperUniform.of(b, Constraints.ordered(), 2));
        Tensor sigma = ctx.sample("sigma", HalfNormal.of(b, 2).expand(2));
        Tensor theta = ctx.sample("theta", Beta.of(b, 5, 5));
        ctx.factor("mu_prior", Normal.of(b, 0, 2).logProb(mu).sum());
        Tensor first = new Normal(mu.get(0), sigma.get(0)).logProb(y).add(theta.log());
        Tensor second = new Normal(mu.get(1), sigma.get(1)).logProb(y).add(theta.neg().log1p());
        Tensor logMix = Indexing.stack(List.of(first, second), 0).logSumExp(false, 0);
        ctx.factor("y", logMix.sum());
    }
}
