package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * GARCH(1, 1) volatility (Bollerslev, "Generalized autoregressive conditional heteroskedasticity",
 * 1986), as posteriordb's {@code garch-garch11} writes it (Stan User's Guide, "Time-series
 * models"), with flat priors and a bound that depends on another parameter:
 *
 * <pre>
 * parameters {
 *   real mu; real&lt;lower=0&gt; alpha0; real&lt;lower=0, upper=1&gt; alpha1;
 *   real&lt;lower=0, upper=(1 - alpha1)&gt; beta1;
 * }
 * model {
 *   sigma[1] = sigma1;
 *   for (t in 2:T)
 *     sigma[t] = sqrt(alpha0 + alpha1 * pow(y[t - 1] - mu, 2) + beta1 * pow(sigma[t - 1], 2));
 *   y ~ normal(mu, sigma);
 * }
 * </pre>
 *
 * posteriordb's data is not in the panel, so {@link #simulated} draws a series from the model with
 * a fixed key; the recurrence is a loop over time.
 */
public final class Garch11 implements Model {
    /** The true values {@link #simulated} uses: mu, alpha0, alpha1, beta1. */
    public static final double[] TRUTH = {0.05, 0.2, 0.3, 0.5};

    private final Tensor y;
    private final double sigma1;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param y the series
     * @param sigma1 the volatility at the first time point, known
     */
    public Garch11(Backend b, double[] y, double sigma1) {
        if (y.length < 2 || !(sigma1 > 0)) {
            throw new IllegalArgumentException(
                    "Garch11: needs at least 2 observations and sigma1 > 0, found "
                            + y.length
                            + " and "
                            + sigma1);
        }
        this.y = Tensor.of(b, y);
        this.sigma1 = sigma1;
    }

    /**
     * Simulates a series of length {@code t} from the model at {@link #TRUTH}, with {@code sigma1 =
     * 1}.
     *
     * @param b the backend
     * @param t the length of the series
     * @param key the key of the simulation
     * @return the model with the simulated data
     */
    public static Garch11 simulated(Backend b, int t, RandomKey key) {
        double mu = TRUTH[0];
        double alpha0 = TRUTH[1];
        double alpha1 = TRUTH[2];
        double beta1 = TRUTH[3];
        double[] z = key.normalDoubles(t);
        double[] y = new double[t];
        double sigma = 1;
        y[0] = mu + sigma * z[0];
        for (int i = 1; i < t; i++) {
            double e = y[i - 1] - mu;
            sigma = Math.sqrt(alpha0 + alpha1 * e * e + beta1 * sigma * sigma);
            y[i] = mu + sigma * z[i];
        }
        return new Garch11(b, y, 1);
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        int n = y.dim(0);
        Tensor mu = ctx.sample("mu", ImproperUniform.of(b, Constraints.real()));
        Tensor alpha0 = ctx.sample("alpha0", ImproperUniform.of(b, Constraints.positive()));
        Tensor alpha1 = ctx.sample("alpha1", ImproperUniform.of(b, Constraints.unitInterval()));
        Tensor upper = alpha1.neg().add(1);
        Tensor beta1 =
                ctx.sample(
                        "beta1",
                        new ImproperUniform(Constraints.interval(upper.zerosLike(), upper), upper));
        Tensor shock = y.narrow(0, 0, n - 1).sub(mu).square().mul(alpha1).add(alpha0);
        List<Tensor> sigma = new ArrayList<>(n);
        Tensor previous = y.get(0).scalarLike(sigma1).reshape(1);
        sigma.add(previous);
        for (int t = 1; t < n; t++) {
            previous = shock.narrow(0, t - 1, t).add(beta1.mul(previous.square())).sqrt();
            sigma.add(previous);
        }
        ctx.observe("y", new Normal(mu, Tensor.concat(sigma, 0)), y);
    }
}
