package dev.credence.api.dist;

import dev.credence.api.tensor.Tensor;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The table of families under test: a name (as in the golden fixture), and a factory from named
 * parameter tensors. Matrix parameters arrive flattened and are reshaped here.
 */
public final class Families {
    private Families() {}

    /** Families whose values are discrete, so logProb has no gradient in the value. */
    public static final Set<String> DISCRETE =
            Set.of(
                    "Bernoulli",
                    "BernoulliLogits",
                    "Categorical",
                    "CategoricalLogits",
                    "Binomial",
                    "Poisson");

    /** Parameters that are not differentiable inputs. */
    public static final Set<String> STRUCTURAL = Set.of("dim", "totalCount");

    static final Map<String, Function<Map<String, Tensor>, Distribution>> FACTORIES =
            Map.ofEntries(
                    Map.entry("Normal", p -> new Normal(p.get("loc"), p.get("scale"))),
                    Map.entry("LogNormal", p -> new LogNormal(p.get("loc"), p.get("scale"))),
                    Map.entry("HalfNormal", p -> new HalfNormal(p.get("scale"))),
                    Map.entry("Cauchy", p -> new Cauchy(p.get("loc"), p.get("scale"))),
                    Map.entry("HalfCauchy", p -> new HalfCauchy(p.get("scale"))),
                    Map.entry(
                            "StudentT",
                            p -> new StudentT(p.get("df"), p.get("loc"), p.get("scale"))),
                    Map.entry("Laplace", p -> new Laplace(p.get("loc"), p.get("scale"))),
                    Map.entry("Exponential", p -> new Exponential(p.get("rate"))),
                    Map.entry("Gamma", p -> new Gamma(p.get("concentration"), p.get("rate"))),
                    Map.entry(
                            "InverseGamma",
                            p -> new InverseGamma(p.get("concentration"), p.get("rate"))),
                    Map.entry(
                            "Beta",
                            p -> new Beta(p.get("concentration1"), p.get("concentration0"))),
                    Map.entry("Uniform", p -> new Uniform(p.get("low"), p.get("high"))),
                    Map.entry(
                            "ScaleMixtureNormal",
                            p ->
                                    new ScaleMixtureNormal(
                                            p.get("pi"), p.get("sigma1"), p.get("sigma2"))),
                    Map.entry(
                            "ContinuousBernoulli",
                            p -> ContinuousBernoulli.withProbs(p.get("probs"))),
                    Map.entry("Bernoulli", p -> Bernoulli.withProbs(p.get("probs"))),
                    Map.entry("BernoulliLogits", p -> Bernoulli.withLogits(p.get("logits"))),
                    Map.entry("Categorical", p -> Categorical.withProbs(p.get("probs"))),
                    Map.entry("CategoricalLogits", p -> Categorical.withLogits(p.get("logits"))),
                    Map.entry(
                            "Binomial",
                            p -> Binomial.withProbs(p.get("totalCount"), p.get("probs"))),
                    Map.entry("Poisson", p -> new Poisson(p.get("rate"))),
                    Map.entry(
                            "MultivariateNormal",
                            p -> new MultivariateNormal(p.get("loc"), square(p.get("scaleTril")))),
                    Map.entry("Dirichlet", p -> new Dirichlet(p.get("concentration"))),
                    Map.entry(
                            "LKJCholesky",
                            p ->
                                    new LKJCholesky(
                                            (int) p.get("dim").item(), p.get("concentration"))),
                    Map.entry(
                            "IndependentNormal",
                            p -> new Independent(new Normal(p.get("loc"), p.get("scale")), 1)));

    /** Builds a family from named parameters. */
    public static Distribution create(String family, Map<String, Tensor> params) {
        Function<Map<String, Tensor>, Distribution> f = FACTORIES.get(family);
        if (f == null) {
            throw new IllegalArgumentException("no test factory for family " + family);
        }
        return f.apply(params);
    }

    /** Reshapes a flattened square matrix. */
    public static Tensor square(Tensor flat) {
        int d = (int) Math.round(Math.sqrt(flat.size()));
        return flat.reshape(d, d);
    }

    /** Shapes a flat value to a distribution's event shape. */
    public static Tensor asEvent(Distribution d, double[] v) {
        return DistTesting.tensor(v, d.eventShape().dims());
    }
}
