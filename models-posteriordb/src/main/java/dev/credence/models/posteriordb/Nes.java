package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code nes2000-nes}: party identification in the 2000 National Election Study on
 * ideology, race, age group, education, gender and income (Gelman and Hill, chapter 4), flat
 * priors. The age group is integer data, turned into three indicator columns of the design matrix
 * as the Stan program's transformed data does.
 *
 * <pre>
 * transformed data {
 *   age30_44[n] = age_discrete[n] == 2;  age45_64[n] = age_discrete[n] == 3;
 *   age65up[n] = age_discrete[n] == 4;
 * }
 * parameters { vector[9] beta; real&lt;lower=0&gt; sigma; }
 * model {
 *   partyid7 ~ normal(beta[1] + beta[2] * real_ideo + beta[3] * race_adj + beta[4] * age30_44
 *                     + beta[5] * age45_64 + beta[6] * age65up + beta[7] * educ1
 *                     + beta[8] * gender + beta[9] * income, sigma);
 * }
 * </pre>
 */
public final class Nes implements Model {
    private final Tensor partyId;
    private final Tensor design;

    /**
     * Creates the model.
     *
     * @param b the backend
     * @param partyId7 party identification on a 7-point scale
     * @param realIdeo ideology
     * @param raceAdj race
     * @param ageDiscrete age group, 1 to 4 (integer data)
     * @param educ1 education
     * @param gender gender
     * @param income income
     */
    public Nes(
            Backend b,
            double[] partyId7,
            double[] realIdeo,
            double[] raceAdj,
            int[] ageDiscrete,
            double[] educ1,
            double[] gender,
            double[] income) {
        this.partyId = Tensor.of(b, partyId7);
        this.design =
                Design.withIntercept(
                        b,
                        realIdeo,
                        raceAdj,
                        indicator(ageDiscrete, 2),
                        indicator(ageDiscrete, 3),
                        indicator(ageDiscrete, 4),
                        educ1,
                        gender,
                        income);
    }

    /**
     * Creates the model from posteriordb's data.
     *
     * @param b the backend
     * @param d the data ({@code partyid7, real_ideo, race_adj, age_discrete, educ1, gender,
     *     income})
     * @return the model
     */
    public static Nes of(Backend b, PosteriorData d) {
        return new Nes(
                b,
                d.reals("partyid7"),
                d.reals("real_ideo"),
                d.reals("race_adj"),
                d.ints("age_discrete"),
                d.reals("educ1"),
                d.reals("gender"),
                d.reals("income"));
    }

    /** The column {@code age == level}: 1 where true, 0 elsewhere. */
    private static double[] indicator(int[] age, int level) {
        double[] out = new double[age.length];
        for (int i = 0; i < age.length; i++) {
            out[i] = age[i] == level ? 1 : 0;
        }
        return out;
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = partyId.backend();
        Tensor beta = ctx.sample("beta", ImproperUniform.of(b, Constraints.real(), 9));
        Tensor sigma = ctx.sample("sigma", ImproperUniform.of(b, Constraints.positive()));
        ctx.observe("partyid7", new Normal(design.matmul(beta), sigma), partyId);
    }
}
