package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.Draws;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code svi} algorithm through the inference registry, and the posterior it returns. */
class SviProviderTest {
    static final ConjugateModels C = GuideRecoveryTest.C;

    static Posterior fit(Map<String, String> options, ProgressListener l, int batch) {
        return Inferences.discover()
                .create("svi", InferenceConfig.of(options, RandomKey.of(17), l))
                .fit(C.model(batch));
    }

    @Test
    @DisplayName("svi with the full-rank guide: sample, draws, summary and predictive")
    void fullRankThroughRegistry() {
        Posterior post =
                fit(
                        Map.of(
                                "guide", "mvn",
                                "steps", "3000",
                                "optimizer", "clipped-adam",
                                "lr", "0.05",
                                "lr-decay", "0.999",
                                "particles", "2"),
                        null,
                        C.n);
        Tensor w = post.sample(RandomKey.of(1), 4000).get("w");
        assertEquals(List.of(4000, 2), List.of(w.dim(0), w.dim(1)));
        double[] mean = w.mean(false, 0).toDoubleArray();
        double[] exact = C.posteriorMean();
        assertEquals(exact[0], mean[0], 0.05);
        assertEquals(exact[1], mean[1], 0.05);

        Draws d = post.draws(RandomKey.of(2), 100);
        assertEquals(1, d.chains());
        assertEquals(100, d.drawsPerChain());
        assertEquals(List.of("w[1]", "w[2]"), d.parameterNames());
        List<ParameterSummary> s = post.summary();
        assertEquals(2, s.size());

        Map<String, Tensor> pred = post.predictive(C.model(C.n), RandomKey.of(3), 5);
        assertEquals(List.of(5, C.n), List.of(pred.get("y").dim(0), pred.get("y").dim(1)));
    }

    @Test
    @DisplayName("every guide, ELBO and optimizer option runs")
    void optionsSmoke() {
        String[][] combos = {
            {"normal", "meanfield", "adam"},
            {"diagonal", "trace", "sgd"},
            {"lowrank", "iwae", "adamw"},
            {"delta", "trace", "clipped-adam"},
            {"laplace", "trace", "adam"},
        };
        for (String[] c : combos) {
            Posterior p =
                    fit(
                            Map.of(
                                    "guide",
                                    c[0],
                                    "elbo",
                                    c[1],
                                    "optimizer",
                                    c[2],
                                    "steps",
                                    "30",
                                    "particles",
                                    "2",
                                    "lr",
                                    "0.01"),
                            null,
                            C.n);
            assertEquals(3, p.sample(RandomKey.of(1), 3).get("w").dim(0), String.join(",", c));
        }
    }

    @Test
    @DisplayName("epochs count ceil(N / B) steps each")
    void epochs() {
        List<ProgressListener.Svi> seen = new ArrayList<>();
        fit(Map.of("epochs", "2", "report-every", "1"), SviTest.listener(seen::add), 6);
        assertEquals(8, seen.get(0).total(), "2 epochs of ceil(20 / 6) = 4 steps");
        assertEquals(8, seen.size());
    }

    @Test
    @DisplayName("bad options are errors that list the known values")
    void badOptions() {
        var unknown =
                assertThrows(
                        IllegalArgumentException.class, () -> fit(Map.of("stepz", "3"), null, C.n));
        assertTrue(unknown.getMessage().contains("known options"), unknown.getMessage());
        var guide =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> fit(Map.of("guide", "flow"), null, C.n));
        assertTrue(guide.getMessage().contains("mvn"), guide.getMessage());
        var elbo =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> fit(Map.of("elbo", "renyi"), null, C.n));
        assertTrue(elbo.getMessage().contains("iwae"), elbo.getMessage());
        var opt =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> fit(Map.of("optimizer", "lbfgs"), null, C.n));
        assertTrue(opt.getMessage().contains("clipped-adam"), opt.getMessage());
    }

    @Test
    @DisplayName(
            "joint automatic guides refuse latent sites inside a subsampling plate, naming them")
    void localLatentsNeedUserGuide() {
        AmortisedGuideTest t = new AmortisedGuideTest();
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new AutoMultivariateNormal(t.model(), RandomKey.of(0)));
        assertTrue(
                e.getMessage().contains("'z'") && e.getMessage().contains("'data'"),
                e.getMessage());
    }
}
