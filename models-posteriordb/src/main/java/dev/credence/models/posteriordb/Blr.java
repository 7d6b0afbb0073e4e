package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code sblri-blr}: Bayesian linear regression on a simulated data matrix with five
 * almost exactly determined coefficients.
 *
 * <pre>
 * parameters { vector[D] beta; real&lt;lower=0&gt; sigma; }
 * model {
 *   target += normal_lpdf(beta | 0, 10);
 *   target += normal_lpdf(sigma | 0, 10);
 *   target += normal_lpdf(y | X * beta, sigma);
 * }
 * </pre>
 */
public final class Blr implements Model {
    private final Tensor x;
    private final Tensor y;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param x the {@code N x D} data matrix, row-major
     * @param n the number of rows N
     * @param y the responses, length N
     */
    public Blr(Backend b, double[] x, int n, double[] y) {
        if (n < 1 || x.length % n != 0 || y.length != n) {
            throw new IllegalArgumentException(
                    "Blr: needs an N x D matrix and N responses, found "
                            + x.length
                            + " matrix entries, N = "
                            + n
                            + " and "
                            + y.length
                            + " responses");
        }
        this.x = Tensor.of(b, x, n, x.length / n);
        this.y = Tensor.of(b, y);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, D, X, y}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static Blr of(Backend b, PosteriorData d) {
        return new Blr(b, d.matrixRowMajor("X"), d.integer("N"), d.reals("y"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        Tensor beta = ctx.sample("beta", Normal.of(b, 0, 10).expand(x.dim(1)));
        Tensor sigma = ctx.sample("sigma", HalfNormal.of(b, 10));
        ctx.observe("y", new Normal(x.matmul(beta), sigma), y);
    }
}
