package dev.credence.api.readme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "write your first model" examples, verbatim, so the README stays true. */
class ReadmeExampleTest {

    @Test
    @DisplayName("the README's Poisson regression recovers its weights")
    void poissonRegression() {
        Backend b = Backends.discover().select("jvm");
        RandomKey[] keys = RandomKey.of(7).split(2);
        Tensor x = keys[0].normal(b, DType.FLOAT64, 500, 3); // 500 rows, 3 features
        Tensor rate = x.matmul(Tensor.of(b, new double[] {0.5, -1, 0.25}, 3)).exp();

        Tensor w = Tensor.zeros(b, DType.FLOAT64, 3);
        for (int step = 0; step < 200; step++) {
            try (TensorScope scope = TensorScope.open()) { // frees intermediates each step
                var r =
                        Autodiff.valueAndGrad(
                                p -> {
                                    Tensor eta = x.matmul(p.get(0)); // log-rate
                                    return eta.exp().sub(rate.mul(eta)).mean(); // Poisson NLL
                                },
                                List.of(w));
                w = scope.keep(w.sub(r.grads().get(0).mul(0.1))); // keep the new weights
            }
        }
        assertArrayEquals(new double[] {0.5, -1, 0.25}, w.toDoubleArray(), 0.01);
    }

    @Test
    @DisplayName("the README's first model fits by NUTS and summarises")
    void firstModel() {
        Backend b = Backends.discover().select("jvm");
        Tensor y = Tensor.of(b, new double[] {2.1, 1.4, 3.3, 2.8, 1.9}, 5);

        Model model =
                ctx -> {
                    Tensor mu = ctx.sample("mu", Normal.of(b, 0, 10)); // prior on the mean
                    Tensor sigma = ctx.sample("sigma", HalfNormal.of(b, 2)); // prior on the scale
                    try (Plate data = ctx.plate("data", 5)) {
                        ctx.observe("y", new Normal(mu, sigma), y); // likelihood
                    }
                };

        Posterior post =
                Inferences.discover()
                        .create("nuts", InferenceConfig.of(RandomKey.of(1))) // 4 x (1000 + 1000)
                        .fit(model);
        List<ParameterSummary> rows = post.summary();
        Map<String, Tensor> draws = post.sample(RandomKey.of(2), 1000); // [1000] per latent site
        assertEquals(1000, draws.get("mu").dim(0));
        ParameterSummary mu =
                rows.stream().filter(r -> r.name().equals("mu")).findFirst().orElseThrow();
        assertEquals(2.3, mu.mean(), 0.3, "posterior mean of mu near the sample mean");
        assertTrue(rows.stream().allMatch(r -> r.rhat() < 1.01), rows.toString());
    }
}
