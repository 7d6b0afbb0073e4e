package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.HalfCauchy;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code kidiq-kidscore_interaction}: a child's test score on the mother's high-school
 * completion, her IQ and their interaction (Gelman and Hill, chapter 3).
 *
 * <pre>
 * transformed data { vector[N] inter = mom_hs .* mom_iq; }
 * parameters { vector[4] beta; real&lt;lower=0&gt; sigma; }
 * model {
 *   sigma ~ cauchy(0, 2.5);
 *   kid_score ~ normal(beta[1] + beta[2] * mom_hs + beta[3] * mom_iq + beta[4] * inter, sigma);
 * }
 * </pre>
 *
 * A Cauchy prior on a positive parameter is a half-Cauchy up to a constant. The linear predictor is
 * the design matrix {@code [1, mom_hs, mom_iq, inter]} times {@code beta}, built once.
 */
public final class KidscoreInteraction implements Model {
    private final Tensor kidScore;
    private final Tensor design;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param kidScore the children's scores
     * @param momHs whether the mother finished high school (0 or 1)
     * @param momIq the mothers' IQ
     */
    public KidscoreInteraction(Backend b, double[] kidScore, double[] momHs, double[] momIq) {
        double[] inter = new double[momHs.length];
        for (int i = 0; i < inter.length; i++) {
            inter[i] = momHs[i] * momIq[i];
        }
        this.kidScore = Tensor.of(b, kidScore);
        this.design = Design.withIntercept(b, momHs, momIq, inter);
    }

    /**
     * Creates the model from posteriordb's data ({@code N, kid_score, mom_hs, mom_iq}).
     *
     * @param b the backend
     * @param d the data
     * @return the model
     */
    public static KidscoreInteraction of(Backend b, PosteriorData d) {
        return new KidscoreInteraction(
                b, d.reals("kid_score"), d.reals("mom_hs"), d.reals("mom_iq"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = kidScore.backend();
        Tensor beta = ctx.sample("beta", ImproperUniform.of(b, Constraints.real(), 4));
        Tensor sigma = ctx.sample("sigma", HalfCauchy.of(b, 2.5));
        ctx.observe("kid_score", new Normal(design.matmul(beta), sigma), kidScore);
    }
}
