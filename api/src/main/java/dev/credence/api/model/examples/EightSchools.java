package dev.credence.api.model.examples;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.HalfCauchy;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Plate;
import dev.credence.api.tensor.Tensor;

/**
 * The eight schools model (Rubin, "Estimation in parallel randomized experiments", 1981; Gelman et
 * al., Bayesian Data Analysis, section 5.5): coaching effects {@code y_j} with known standard
 * errors {@code sigma_j} in eight schools, pooled through a normal population of effects.
 *
 * <pre>
 * mu ~ Normal(0, 5),  tau ~ HalfCauchy(5),
 * theta_j ~ Normal(mu, tau),  y_j ~ Normal(theta_j, sigma_j),   j = 1..8
 * </pre>
 *
 * The <em>centred</em> form samples {@code theta} directly and shows the funnel that makes HMC
 * diverge for small {@code tau}; the <em>non-centred</em> form samples {@code theta_tilde ~
 * Normal(0, 1)} and records {@code theta = mu + tau theta_tilde} as a deterministic site, which
 * removes the funnel.
 */
public final class EightSchools implements Model {
    private static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
    private static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

    private final Tensor y;
    private final Tensor sigma;
    private final boolean centered;

    /**
     * Creates the model for given data.
     *
     * @param y the estimated effects
     * @param sigma their standard errors
     * @param centered whether to sample the school effects directly
     */
    public EightSchools(Tensor y, Tensor sigma, boolean centered) {
        this.y = y;
        this.sigma = sigma;
        this.centered = centered;
    }

    /**
     * The centred model on the classic data, in FLOAT64.
     *
     * @param b the backend
     * @return the model
     */
    public static EightSchools centered(Backend b) {
        return new EightSchools(Tensor.of(b, Y), Tensor.of(b, SIGMA), true);
    }

    /**
     * The non-centred model on the classic data, in FLOAT64.
     *
     * @param b the backend
     * @return the model
     */
    public static EightSchools nonCentered(Backend b) {
        return new EightSchools(Tensor.of(b, Y), Tensor.of(b, SIGMA), false);
    }

    /**
     * Returns the classic effects {@code y = [28, 8, -3, 7, -1, 1, 18, 12]}.
     *
     * @return a copy of the data
     */
    public static double[] classicEffects() {
        return Y.clone();
    }

    /**
     * Returns the classic standard errors {@code sigma = [15, 10, 16, 11, 9, 11, 10, 18]}.
     *
     * @return a copy of the data
     */
    public static double[] classicStandardErrors() {
        return SIGMA.clone();
    }

    @Override
    public void run(ModelContext ctx) {
        DType t = y.dtype();
        Tensor mu = ctx.sample("mu", new Normal(y.scalarLike(0), y.scalarLike(5)));
        Tensor tau = ctx.sample("tau", new HalfCauchy(y.scalarLike(5)));
        try (Plate schools = ctx.plate("schools", y.dim(0))) {
            Tensor theta;
            if (centered) {
                theta = ctx.sample("theta", new Normal(mu, tau));
            } else {
                Tensor tilde =
                        ctx.sample(
                                "theta_tilde",
                                new Normal(y.scalarLike(0), Tensor.scalar(y.backend(), 1, t)));
                theta = ctx.deterministic("theta", mu.add(tau.mul(tilde)));
            }
            ctx.observe("obs", new Normal(theta, sigma), y);
        }
    }
}
