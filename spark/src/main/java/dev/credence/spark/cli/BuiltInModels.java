package dev.credence.spark.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Plate;
import dev.credence.api.tensor.Tensor;
import dev.credence.spark.ShardModel;
import java.util.List;

/**
 * The generalised linear models the {@code spark-submit} entry fits to a table's feature columns; a
 * program that uses the library writes its own {@link ShardModel}. Every latent site is real
 * valued, so consensus Monte Carlo applies to both.
 *
 * <ul>
 *   <li>{@code logistic}: {@code w ~ Normal(0, prior I)}, {@code b ~ Normal(0, prior)}, {@code y_i
 *       ~ Bernoulli(logit = x_i . w + b)};
 *   <li>{@code linear}: the same weights, {@code log_sigma ~ Normal(0, 1)}, {@code y_i ~ Normal(x_i
 *       . w + b, exp(log_sigma))}.
 * </ul>
 */
public final class BuiltInModels {
    /** The names accepted by {@link #of}. */
    public static final List<String> NAMES = List.of("logistic", "linear");

    private BuiltInModels() {}

    /**
     * Returns a model by name.
     *
     * @param name {@code logistic} or {@code linear}
     * @param features the number of feature columns
     * @param prior the prior scale of the weights and the intercept
     * @return the model over a block of rows (targets absent: the site {@code y} is simulated)
     * @throws IllegalArgumentException for another name
     */
    public static ShardModel of(String name, int features, double prior) {
        return switch (name) {
            case "logistic" -> logistic(features, prior);
            case "linear" -> linear(features, prior);
            default ->
                    throw new IllegalArgumentException(
                            "unknown model '" + name + "'; built-in models: " + NAMES);
        };
    }

    /**
     * Bayesian logistic regression.
     *
     * @param d the number of features
     * @param prior the prior scale
     * @return the model
     */
    public static ShardModel logistic(int d, double prior) {
        return rows ->
                ctx -> {
                    Tensor eta = linearPredictor(ctx, rows.features(), d, prior);
                    try (Plate p = ctx.plate(ShardModel.DATA_PLATE, rows.features().dim(0))) {
                        ctx.sample(
                                "y",
                                Bernoulli.withLogits(eta),
                                rows.hasTargets() ? rows.targets() : null);
                    }
                };
    }

    /**
     * Bayesian linear regression with a learned noise scale.
     *
     * @param d the number of features
     * @param prior the prior scale
     * @return the model
     */
    public static ShardModel linear(int d, double prior) {
        return rows ->
                ctx -> {
                    Tensor eta = linearPredictor(ctx, rows.features(), d, prior);
                    Tensor logSigma = ctx.sample("log_sigma", Normal.of(eta.backend(), 0, 1));
                    try (Plate p = ctx.plate(ShardModel.DATA_PLATE, rows.features().dim(0))) {
                        ctx.sample(
                                "y",
                                new Normal(eta, logSigma.exp()),
                                rows.hasTargets() ? rows.targets() : null);
                    }
                };
    }

    private static Tensor linearPredictor(
            dev.credence.api.model.ModelContext ctx, Tensor x, int d, double prior) {
        if (x.dim(1) != d) {
            throw new IllegalArgumentException(
                    "model: expected " + d + " feature columns, found " + x.dim(1));
        }
        Backend b = x.backend();
        Tensor w =
                ctx.sample(
                        "w",
                        new Independent(
                                new Normal(
                                        Tensor.zeros(b, DType.FLOAT64, d),
                                        Tensor.full(b, prior, DType.FLOAT64, d)),
                                1));
        Tensor bias = ctx.sample("b", Normal.of(b, 0, prior));
        return x.matmul(w).add(bias);
    }
}
