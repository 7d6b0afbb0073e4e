package dev.credence.models.posteriordb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.random.RandomKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every algorithm reports a model's parameters under the same (Stan) names: a scalar site is {@code
 * alpha}, not {@code alpha[1]}, whether NUTS or a variational guide fitted it.
 */
class SummaryNamesTest {
    private static final Backend B = Backends.discover().select("jvm");
    private static final Kilpisjarvi MODEL =
            new Kilpisjarvi(
                    B,
                    new double[] {0, 1, 2, 3, 4, 5},
                    new double[] {1, 1.7, 1.9, 3.2, 3.8, 4.1},
                    0,
                    10,
                    0,
                    10);
    private static final List<String> STAN = List.of("alpha", "beta", "sigma");

    @ParameterizedTest(name = "svi guide {0}")
    @ValueSource(strings = {"normal", "diagonal", "mvn", "lowrank", "delta", "laplace"})
    void sviNamesAsStanDoes(String guide) {
        assertEquals(STAN, names("svi", Map.of("guide", guide, "steps", "1500", "lr", "0.05")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nuts", "hmc"})
    void mcmcNamesAsStanDoes(String algorithm) {
        assertEquals(
                STAN,
                names(algorithm, Map.of("num-warmup", "20", "num-samples", "20", "chains", "1")));
    }

    private static List<String> names(String algorithm, Map<String, String> options) {
        return Inferences.discover()
                .create(algorithm, InferenceConfig.of(options, RandomKey.of(1), null))
                .fit(MODEL)
                .summary()
                .stream()
                .map(ParameterSummary::name)
                .toList();
    }
}
