package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.HalfCauchy;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * posteriordb {@code arma-arma11}: an ARMA(1, 1) time series, {@code y_t = mu + phi y_(t-1) + theta
 * err_(t-1) + err_t} with normal errors (Stan User's Guide, "Time-series models").
 *
 * <pre>
 * parameters { real mu; real phi; real theta; real&lt;lower=0&gt; sigma; }
 * model {
 *   mu ~ normal(0, 10);  phi ~ normal(0, 2);  theta ~ normal(0, 2);  sigma ~ cauchy(0, 2.5);
 *   nu[1] = mu + phi * mu;  err[1] = y[1] - nu[1];      // err[0] = 0
 *   for (t in 2:T) {
 *     nu[t] = mu + phi * y[t - 1] + theta * err[t - 1];
 *     err[t] = y[t] - nu[t];
 *   }
 *   err ~ normal(0, sigma);
 * }
 * </pre>
 *
 * The part of {@code err_t} that does not depend on the past error, {@code y_t - mu - phi y_(t-1)},
 * is computed for all {@code t} at once; the moving-average recurrence {@code err_t = a_t - theta
 * err_(t-1)} is a loop over time.
 */
public final class Arma11 implements Model {
    private final Tensor y;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param y the series, at least two observations
     */
    public Arma11(Backend b, double[] y) {
        if (y.length < 2) {
            throw new IllegalArgumentException(
                    "Arma11: needs at least 2 observations, found " + y.length);
        }
        this.y = Tensor.of(b, y);
    }

    /**
     * Creates the model from posteriordb's data ({@code T, y}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static Arma11 of(Backend b, PosteriorData d) {
        return new Arma11(b, d.reals("y"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        int n = y.dim(0);
        Tensor mu = ctx.sample("mu", Normal.of(b, 0, 10));
        Tensor phi = ctx.sample("phi", Normal.of(b, 0, 2));
        Tensor theta = ctx.sample("theta", Normal.of(b, 0, 2));
        Tensor sigma = ctx.sample("sigma", HalfCauchy.of(b, 2.5));
        // a_t = y_t - mu - phi * y_(t-1), with y_0 = mu.
        Tensor lagged = Tensor.concat(List.of(mu.reshape(1), y.narrow(0, 0, n - 1)), 0);
        Tensor a = y.sub(mu).sub(phi.mul(lagged));
        List<Tensor> err = new ArrayList<>(n);
        Tensor previous = a.narrow(0, 0, 1);
        err.add(previous);
        for (int t = 1; t < n; t++) {
            previous = a.narrow(0, t, t + 1).sub(theta.mul(previous));
            err.add(previous);
        }
        Tensor errors = Tensor.concat(err, 0);
        // err ~ normal(0, sigma): the errors are functions of the parameters, so a factor.
        ctx.factor("err", new Normal(errors.zerosLike(), sigma).logProb(errors).sum());
    }
}
