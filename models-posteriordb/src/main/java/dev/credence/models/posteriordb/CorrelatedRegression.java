package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.StudentT;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * A linear regression with many strongly correlated predictors, written as posteriordb's {@code
 * diamonds-diamonds} (a brms program: centred predictors, Student-t priors on the intercept and the
 * scale, flat priors on the coefficients):
 *
 * <pre>
 * transformed data { Xc = X minus its column means; }
 * parameters { vector[K] b; real Intercept; real&lt;lower=0&gt; sigma; }
 * model {
 *   target += normal_id_glm_lpdf(Y | Xc, Intercept, b, sigma);
 *   target += student_t_lpdf(Intercept | 3, 8, 10);
 *   target += student_t_lpdf(sigma | 3, 0, 10);     // half-t on sigma &gt; 0
 * }
 * </pre>
 *
 * The diamonds data is not in the panel, so {@link #simulated} makes a stand-in of the same size
 * and difficulty with a fixed key: 5,000 rows, 24 predictors driven by two shared factors (pairwise
 * correlations about 0.99), hence 26 parameters whose posterior is strongly correlated, which makes
 * NUTS with a diagonal metric take long trajectories.
 */
public final class CorrelatedRegression implements Model {
    private final Tensor y;
    private final Tensor xc;

    /**
     * Creates the model; the predictors are centred here.
     *
     * @param b the backend
     * @param x the {@code N x K} predictors, row-major (no intercept column)
     * @param y the responses, length N
     */
    public CorrelatedRegression(Backend b, double[] x, double[] y) {
        int n = y.length;
        if (n < 1 || x.length % n != 0) {
            throw new IllegalArgumentException(
                    "CorrelatedRegression: needs an N x K matrix for N = "
                            + n
                            + " responses, found "
                            + x.length
                            + " entries");
        }
        int k = x.length / n;
        double[] centred = x.clone();
        for (int j = 0; j < k; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * k + j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                centred[i * k + j] -= mean;
            }
        }
        this.xc = Tensor.of(b, centred, n, k);
        this.y = Tensor.of(b, y);
    }

    /**
     * Simulates the stand-in for the diamonds data: {@code x_ij = f_i1 l_j1 + f_i2 l_j2 + 0.1
     * e_ij}, coefficients {@code b_j ~ normal(0, 0.5)}, intercept 8, noise sd 1.
     *
     * @param b the backend
     * @param n the number of rows (5,000 for the diamonds size)
     * @param k the number of predictors (24 for the diamonds size)
     * @param key the key of the simulation
     * @return the model with the simulated data
     */
    public static CorrelatedRegression simulated(Backend b, int n, int k, RandomKey key) {
        RandomKey[] ks = key.split(5);
        double[] loadings1 = ks[0].normalDoubles(k);
        double[] loadings2 = ks[1].normalDoubles(k);
        double[] factors = ks[2].normalDoubles(2 * n);
        double[] noise = ks[3].normalDoubles(n * k + n);
        double[] coefficients = ks[4].normalDoubles(k);
        double[] x = new double[n * k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 8;
            for (int j = 0; j < k; j++) {
                double v =
                        factors[2 * i] * (1 + loadings1[j] * 0.2)
                                + factors[2 * i + 1] * loadings2[j] * 0.2
                                + 0.1 * noise[i * k + j];
                x[i * k + j] = v;
                mean += 0.5 * coefficients[j] * v;
            }
            y[i] = mean + noise[n * k + i];
        }
        return new CorrelatedRegression(b, x, y);
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        Tensor coef = ctx.sample("b", ImproperUniform.of(b, Constraints.real(), xc.dim(1)));
        Tensor intercept = ctx.sample("Intercept", StudentT.of(b, 3, 8, 10));
        Tensor sigma = ctx.sample("sigma", ImproperUniform.of(b, Constraints.positive()));
        ctx.factor("sigma_prior", StudentT.of(b, 3, 0, 10).logProb(sigma));
        ctx.observe("Y", new Normal(xc.matmul(coef).add(intercept), sigma), y);
    }
}
