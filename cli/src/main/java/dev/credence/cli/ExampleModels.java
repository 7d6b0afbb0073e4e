package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.model.Model;
import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.model.examples.LinearRegression;
import dev.credence.api.model.examples.LogisticRegression;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * The built-in example models of {@code credence sample}. The regressions run on data simulated
 * from the seed (100 rows, 3 features) so that they are reproducible without files.
 */
final class ExampleModels {
    private ExampleModels() {}

    static final List<String> NAMES =
            List.of(
                    "eight-schools",
                    "eight-schools-centered",
                    "linear-regression",
                    "logistic-regression");

    static Model build(String name, Backend b, long seed) {
        return switch (name) {
            case "eight-schools" -> EightSchools.nonCentered(b);
            case "eight-schools-centered" -> EightSchools.centered(b);
            case "linear-regression" -> {
                RandomKey[] k = RandomKey.of(seed).split(3);
                Tensor x = k[0].normal(b, DType.FLOAT64, 100, 3);
                Tensor w = Tensor.of(b, new double[] {1.5, -2.0, 0.5}, 3);
                Tensor y = x.matmul(w).add(0.7).add(k[1].normal(b, DType.FLOAT64, 100).mul(0.8));
                yield new LinearRegression(x, y);
            }
            case "logistic-regression" -> {
                RandomKey[] k = RandomKey.of(seed).split(3);
                Tensor x = k[0].normal(b, DType.FLOAT64, 100, 3);
                Tensor w = Tensor.of(b, new double[] {1.5, -2.0, 0.5}, 3);
                Tensor p = x.matmul(w).sigmoid();
                Tensor y = k[1].uniform(b, DType.FLOAT64, 100).lt(p).cast(DType.FLOAT64);
                yield new LogisticRegression(x, y);
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown example model '" + name + "'; available: " + NAMES);
        };
    }
}
