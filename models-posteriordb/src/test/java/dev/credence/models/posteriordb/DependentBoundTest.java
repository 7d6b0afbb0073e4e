package dev.credence.models.posteriordb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NUTS on flat priors with a bound that depends on another parameter, {@code real<lower=0, upper=1>
 * a; real<lower=0, upper=1 - a> b;}: the posterior is uniform on the triangle, so each coordinate
 * is Beta(1, 2) (mean 1/3, sd 1/sqrt(18)), and every draw keeps {@code a + b < 1}.
 */
class DependentBoundTest {
    private static final Backend B = Backends.discover().select("jvm");

    static final Model TRIANGLE =
            ctx -> {
                Tensor a = ctx.sample("a", ImproperUniform.of(B, Constraints.unitInterval()));
                Tensor upper = a.neg().add(1);
                ctx.sample(
                        "b",
                        new ImproperUniform(Constraints.interval(upper.zerosLike(), upper), upper));
            };

    @Test
    void nutsSamplesTheUniformTriangle() {
        var post =
                (DrawsPosterior)
                        Inferences.discover()
                                .create(
                                        "nuts",
                                        InferenceConfig.of(
                                                Map.of("num-warmup", "500", "num-samples", "1000"),
                                                RandomKey.of(3),
                                                null))
                                .fit(TRIANGLE);
        Draws d = post.draws();
        double sd = 1 / Math.sqrt(18);
        ReferenceSummary beta12 =
                new ReferenceSummary(
                        "Beta(1, 2)",
                        List.of(
                                new ReferenceSummary.Row("a", 1.0 / 3, sd, 0, 0, 0),
                                new ReferenceSummary.Row("b", 1.0 / 3, sd, 0, 0, 0)));
        Agreement agreement = Agreement.check(d, beta12);
        assertTrue(agreement.allAgree(), agreement.toString());
        assertEquals(0, d.divergences());
        double[][] a = d.parameter("a");
        double[][] b = d.parameter("b");
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[c].length; i++) {
                assertTrue(a[c][i] > 0 && b[c][i] > 0 && a[c][i] + b[c][i] < 1);
            }
        }
    }
}
