package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * posteriordb {@code hmm_example-hmm_example}: a two-state hidden Markov model with unit-variance
 * normal emissions, the states summed out by the {@link ForwardAlgorithm}.
 *
 * <pre>
 * parameters { simplex[K] theta1; simplex[K] theta2; positive_ordered[K] mu; }
 * model {
 *   target += normal_lpdf(mu[1] | 3, 1);  target += normal_lpdf(mu[2] | 10, 1);
 *   gamma[1, k] = normal_lpdf(y[1] | mu[k], 1);
 *   gamma[t, k] = log_sum_exp_j(gamma[t - 1, j] + log(theta[j, k]) + normal_lpdf(y[t] | mu[k], 1));
 *   target += log_sum_exp(gamma[N]);
 * }
 * </pre>
 *
 * The rows of the transition matrix have flat priors on the simplex; the emission ordering removes
 * label switching.
 */
public final class HmmExample implements Model {
    private final Tensor y;
    private final int states;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param states the number of hidden states K (the Stan program's prior on {@code mu} is
     *     written for 2)
     * @param y the observations
     */
    public HmmExample(Backend b, int states, double[] y) {
        if (states != 2) {
            throw new IllegalArgumentException(
                    "HmmExample: the model's priors are written for K = 2 states, found " + states);
        }
        this.states = states;
        this.y = Tensor.of(b, y);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, K, y}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static HmmExample of(Backend b, PosteriorData d) {
        return new HmmExample(b, d.integer("K"), d.reals("y"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = y.backend();
        Tensor theta1 = ctx.sample("theta1", ImproperUniform.of(b, Constraints.simplex(), states));
        Tensor theta2 = ctx.sample("theta2", ImproperUniform.of(b, Constraints.simplex(), states));
        Tensor mu = ctx.sample("mu", ImproperUniform.of(b, Constraints.positiveOrdered(), states));
        Tensor priorLoc = Tensor.of(b, new double[] {3, 10});
        ctx.factor(
                "mu_prior",
                new Normal(priorLoc, Tensor.scalar(b, 1, DType.FLOAT64)).logProb(mu).sum());
        Tensor logTheta = Indexing.stack(List.of(theta1, theta2), 0).log();
        Tensor emission = Normal.of(mu, 1).logProb(y.reshape(y.dim(0), 1));
        ctx.factor("y", ForwardAlgorithm.logMarginal(logTheta, emission));
    }
}
