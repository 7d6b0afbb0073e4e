package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.LogNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code hudson_lynx_hare-lotka_volterra}: the Hudson's Bay Company's lynx and hare
 * pelts, 1900-1920, with Lotka-Volterra predator-prey dynamics and lognormal measurement error
 * (Carpenter, "Predator-prey population dynamics: the Lotka-Volterra model in Stan", 2018).
 *
 * <pre>
 * parameters {
 *   array[4] real&lt;lower=0&gt; theta;  array[2] real&lt;lower=0&gt; z_init;  array[2] real&lt;lower=0&gt; sigma;
 * }
 * transformed parameters {
 *   z = integrate_ode_rk45(dz_dt, z_init, 0, ts, theta, ..., 1e-5, 1e-3, 5e2);
 * }
 * model {
 *   theta[{1, 3}] ~ normal(1, 0.5);  theta[{2, 4}] ~ normal(0.05, 0.05);
 *   sigma ~ lognormal(-1, 1);  z_init ~ lognormal(log(10), 1);
 *   y_init[k] ~ lognormal(log(z_init[k]), sigma[k]);  y[:, k] ~ lognormal(log(z[:, k]), sigma[k]);
 * }
 * </pre>
 *
 * The normal priors on positive parameters are truncated normals (a flat prior on the positive
 * reals plus a factor). The ODE is solved by {@link Ode} with the Stan program's tolerances.
 */
public final class LotkaVolterra implements Model {
    /** The Stan program's relative tolerance, absolute tolerance and step limit. */
    static final double RTOL = 1e-5;

    static final double ATOL = 1e-3;
    static final int MAX_STEPS = 500;

    /** The predator-prey system: {@code u' = (a - b v) u}, {@code v' = (-c + d u) v}. */
    static final OdeSystem DYNAMICS =
            new OdeSystem() {
                @Override
                public int dimension() {
                    return 2;
                }

                @Override
                public int parameters() {
                    return 4;
                }

                @Override
                public void derivative(double t, double[] z, double[] p, double[] dz) {
                    dz[0] = (p[0] - p[1] * z[1]) * z[0];
                    dz[1] = (-p[2] + p[3] * z[0]) * z[1];
                }

                @Override
                public void jacobian(
                        double t, double[] z, double[] p, double[] dfdz, double[] dfdp) {
                    dfdz[0] = p[0] - p[1] * z[1];
                    dfdz[1] = -p[1] * z[0];
                    dfdz[2] = p[3] * z[1];
                    dfdz[3] = -p[2] + p[3] * z[0];
                    dfdp[0] = z[0];
                    dfdp[1] = -z[0] * z[1];
                    dfdp[2] = 0;
                    dfdp[3] = 0;
                    dfdp[4] = 0;
                    dfdp[5] = 0;
                    dfdp[6] = -z[1];
                    dfdp[7] = z[0] * z[1];
                }
            };

    private final double[] ts;
    private final Tensor yInit;
    private final Tensor y;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param ts the measurement times, after 0
     * @param yInit the populations measured at time 0 (hare, lynx)
     * @param y the populations at the measurement times, {@code [N, 2]} row-major
     */
    public LotkaVolterra(Backend b, double[] ts, double[] yInit, double[] y) {
        if (yInit.length != 2 || y.length != 2 * ts.length) {
            throw new IllegalArgumentException(
                    "LotkaVolterra: needs 2 initial measurements and N x 2 measurements for N = "
                            + ts.length
                            + " times, found "
                            + yInit.length
                            + " and "
                            + y.length);
        }
        this.ts = ts.clone();
        this.yInit = Tensor.of(b, yInit);
        this.y = Tensor.of(b, y, ts.length, 2);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, ts, y_init, y}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static LotkaVolterra of(Backend b, PosteriorData d) {
        return new LotkaVolterra(b, d.reals("ts"), d.reals("y_init"), d.matrixRowMajor("y"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        Tensor theta = ctx.sample("theta", ImproperUniform.of(b, Constraints.positive(), 4));
        Tensor zInit = ctx.sample("z_init", LogNormal.of(b, Math.log(10), 1).expand(2));
        Tensor sigma = ctx.sample("sigma", LogNormal.of(b, -1, 1).expand(2));
        Normal prior =
                new Normal(
                        Tensor.of(b, new double[] {1, 0.05, 1, 0.05}),
                        Tensor.of(b, new double[] {0.5, 0.05, 0.5, 0.05}));
        ctx.factor("theta_prior", prior.logProb(theta).sum());
        Tensor z = Ode.solve(DYNAMICS, zInit, theta, 0, ts, RTOL, ATOL, MAX_STEPS);
        ctx.observe("y_init", new LogNormal(zInit.log(), sigma), yInit);
        ctx.observe("y", new LogNormal(z.log(), sigma), y);
    }
}
