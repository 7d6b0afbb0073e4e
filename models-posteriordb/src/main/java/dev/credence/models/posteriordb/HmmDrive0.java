package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Dirichlet;
import dev.credence.api.dist.Exponential;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * posteriordb {@code bball_drive_event_0-hmm_drive_0}: a two-state hidden Markov model of a
 * basketball player's movement (state 2: driving to the hoop), with exponential emissions for the
 * inverse speed {@code u} and the distance to the hoop {@code v}, the states summed out by the
 * {@link ForwardAlgorithm}.
 *
 * <pre>
 * parameters { simplex[K] theta1; simplex[K] theta2; positive_ordered[K] phi; positive_ordered[K] lambda; }
 * model {
 *   target += dirichlet_lpdf(theta[k] | alpha[k, :]');               // k = 1, 2
 *   target += normal_lpdf(phi[1] | 0, 1);     target += normal_lpdf(phi[2] | 3, 1);
 *   target += normal_lpdf(lambda[1] | 0, 1);  target += normal_lpdf(lambda[2] | 3, 1);
 *   gamma[t, k] = log_sum_exp_j(gamma[t - 1, j] + log(theta[j, k])
 *                               + exponential_lpdf(u[t] | phi[k]) + exponential_lpdf(v[t] | lambda[k]));
 *   target += log_sum_exp(gamma[N]);
 * }
 * </pre>
 */
public final class HmmDrive0 implements Model {
    private final Tensor u;
    private final Tensor v;
    private final Tensor alpha;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param u inverse speeds
     * @param v distances to the hoop
     * @param alpha the {@code 2 x 2} Dirichlet prior on the transition rows, row-major
     */
    public HmmDrive0(Backend b, double[] u, double[] v, double[] alpha) {
        if (alpha.length != 4 || u.length != v.length) {
            throw new IllegalArgumentException(
                    "HmmDrive0: needs a 2 x 2 transition prior and as many u as v, found "
                            + alpha.length
                            + " prior entries, "
                            + u.length
                            + " u and "
                            + v.length
                            + " v");
        }
        this.u = Tensor.of(b, u);
        this.v = Tensor.of(b, v);
        this.alpha = Tensor.of(b, alpha, 2, 2);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, K, u, v, alpha}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static HmmDrive0 of(Backend b, PosteriorData d) {
        if (d.integer("K") != 2) {
            throw new IllegalArgumentException(
                    "HmmDrive0: the model's priors are written for K = 2, found " + d.integer("K"));
        }
        return new HmmDrive0(b, d.reals("u"), d.reals("v"), d.matrixRowMajor("alpha"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = u.backend();
        Tensor theta1 = ctx.sample("theta1", new Dirichlet(alpha.get(0)));
        Tensor theta2 = ctx.sample("theta2", new Dirichlet(alpha.get(1)));
        Tensor phi = ctx.sample("phi", ImproperUniform.of(b, Constraints.positiveOrdered(), 2));
        Tensor lambda =
                ctx.sample("lambda", ImproperUniform.of(b, Constraints.positiveOrdered(), 2));
        Normal prior =
                new Normal(Tensor.of(b, new double[] {0, 3}), Tensor.scalar(b, 1, DType.FLOAT64));
        ctx.factor("phi_prior", prior.logProb(phi).sum());
        ctx.factor("lambda_prior", prior.logProb(lambda).sum());
        Tensor logTheta = Indexing.stack(List.of(theta1, theta2), 0).log();
        int n = u.dim(0);
        Tensor emission =
                new Exponential(phi)
                        .logProb(u.reshape(n, 1))
                        .add(new Exponential(lambda).logProb(v.reshape(n, 1)));
        ctx.factor("obs", ForwardAlgorithm.logMarginal(logTheta, emission));
    }
}
