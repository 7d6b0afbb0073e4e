package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Gamma;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.Poisson;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code gp_pois_regr-gp_pois_regr}: Poisson counts with a latent Gaussian process on
 * the log rate, squared-exponential kernel, in the non-centred form {@code f = L f_tilde} (Stan
 * User's Guide, "Gaussian processes").
 *
 * <pre>
 * parameters { real&lt;lower=0&gt; rho; real&lt;lower=0&gt; alpha; vector[N] f_tilde; }
 * transformed parameters {
 *   matrix[N, N] cov = gp_exp_quad_cov(x, alpha, rho) + diag_matrix(rep_vector(1e-10, N));
 *   vector[N] f = cholesky_decompose(cov) * f_tilde;
 * }
 * model {
 *   rho ~ gamma(25, 4);  alpha ~ normal(0, 2);  f_tilde ~ normal(0, 1);
 *   k ~ poisson_log(f);
 * }
 * </pre>
 *
 * The counts are integer data; {@code f} is recorded as a deterministic site, so the summary
 * reports it as Stan does.
 */
public final class GpPoisRegr implements Model {
    private static final double JITTER = 1e-10;

    private final Tensor squaredDistance;
    private final Tensor jitter;
    private final Tensor k;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param x the inputs
     * @param k the counts, one per input
     */
    public GpPoisRegr(Backend b, double[] x, int[] k) {
        int n = x.length;
        if (k.length != n) {
            throw new IllegalArgumentException(
                    "GpPoisRegr: needs one count per input, found "
                            + n
                            + " inputs and "
                            + k.length);
        }
        double[] d2 = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d2[i * n + j] = (x[i] - x[j]) * (x[i] - x[j]);
            }
        }
        this.squaredDistance = Tensor.of(b, d2, n, n);
        this.jitter = LinearAlgebra.eye(b, n, DType.FLOAT64).mul(JITTER);
        this.k = Tensor.ofInts(b, k, n);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, x, k}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static GpPoisRegr of(Backend b, PosteriorData d) {
        return new GpPoisRegr(b, d.reals("x"), d.ints("k"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = k.backend();
        int n = k.dim(0);
        Tensor rho = ctx.sample("rho", Gamma.of(b, 25, 4));
        Tensor alpha = ctx.sample("alpha", HalfNormal.of(b, 2));
        Tensor fTilde = ctx.sample("f_tilde", Normal.of(b, 0, 1).expand(n));
        Tensor cov =
                squaredDistance.div(rho.square().mul(-2)).exp().mul(alpha.square()).add(jitter);
        Tensor lower = LinearAlgebra.cholesky(cov);
        Tensor f = ctx.deterministic("f", lower.matmul(fTilde));
        ctx.observe("k", new Poisson(f.exp()), k);
    }
}
