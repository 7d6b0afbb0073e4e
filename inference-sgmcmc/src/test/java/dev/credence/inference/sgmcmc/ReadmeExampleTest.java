package dev.credence.inference.sgmcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's example of this algorithm, verbatim, on the README's first model. */
class ReadmeExampleTest {

    @Test
    @DisplayName("the README's cyclical SG-MCMC example samples the first model")
    void readmeExample() {
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

        Posterior cyc =
                Inferences.discover() // cyclical SGHMC, 4 cycles
                        .create(
                                "csgmcmc",
                                InferenceConfig.of(RandomKey.of(3))
                                        .with("cycles", "4")
                                        .with("cycle-length", "500")
                                        .with("step-size", "1e-3"))
                        .fit(model);
        double[] mu = cyc.sample(RandomKey.of(5), 2000).get("mu").toDoubleArray();
        double mean = 0;
        for (double m : mu) {
            mean += m / mu.length;
        }
        // The posterior mean of mu is about 2.3 with sd about 0.4 (NUTS, api-tests' example).
        assertEquals(2.3, mean, 0.5, "posterior mean of mu near the sample mean");
    }
}
