package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * posteriordb {@code nes2000-nes}: party identification in the 2000 National Election Study on
 * ideology, race, age group, education, gender and income (Gelman and Hill, chapter 4), flat
 * priors. The age group is integer data, turned into three indicator columns as the Stan program's
 * transformed data does.
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
        int n = partyId7.length;
        this.partyId = Tensor.of(b, partyId7);
        Tensor age = Tensor.ofInts(b, ageDiscrete, ageDiscrete.length);
        this.design =
                Tensor.stack(
                        List.of(
                                Tensor.ones(b, DType.FLOAT64, n),
                                Tensor.of(b, realIdeo),
                                Tensor.of(b, raceAdj),
                                indicator(age, 2),
                                indicator(age, 3),
                                indicator(age, 4),
                                Tensor.of(b, educ1),
                                Tensor.of(b, gender),
                                Tensor.of(b, income)),
                        1);
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

    /** The FLOAT64 column {@code age == level}, from INT32 data. */
    private static Tensor indicator(Tensor age, int level) {
        return age.eq(age.scalarLike(level)).cast(DType.FLOAT64);
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = partyId.backend();
        Tensor beta = ctx.sample("beta", ImproperUniform.of(b, Constraints.real(), 9));
        Tensor sigma = ctx.sample("sigma", ImproperUniform.of(b, Constraints.positive()));
        ctx.observe("partyid7", new Normal(design.matmul(beta), sigma), partyId);
    }
}
