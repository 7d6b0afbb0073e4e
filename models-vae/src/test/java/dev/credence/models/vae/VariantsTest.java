package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import dev.credence.io.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every likelihood, the importance-weighted bound, beta and FLOAT64 train and improve. */
class VariantsTest {
    static final Backend B = Backends.discover().select("jvm");
    static final VaeConfig BASE =
            VaeConfig.builder()
                    .hidden(32)
                    .latent(4)
                    .batchSize(64)
                    .epochs(1)
                    .learningRate(1e-2)
                    .evalSamples(4)
                    .evalExamples(20)
                    .anomalySamples(2)
                    .build();

    static List<VaeConfig> variants() {
        return List.of(
                BASE.toBuilder().likelihood(Likelihood.CONTINUOUS_BERNOULLI).build(),
                BASE.toBuilder().likelihood(Likelihood.GAUSSIAN).build(),
                BASE.toBuilder().particles(4).build(),
                BASE.toBuilder().beta(4).analyticKl(false).build(),
                BASE.toBuilder().dtype(DType.FLOAT64).build());
    }

    @ParameterizedTest
    @MethodSource("variants")
    @DisplayName("one short epoch improves the test ELBO")
    void trains(VaeConfig c, @TempDir Path dir) throws Exception {
        Dataset train = SharedData.mnist(0, 512);
        Dataset test = SharedData.mnist(512, 612);
        Vae vae = new Vae(c, 784);
        FittedVae untrained = new FittedVae(vae, vae.initialParams(B, RandomKey.of(0).fold(0)));
        double before =
                untrained
                        .elbo(ImageData.of(test, B, c.dtype()).images(), RandomKey.of(1))
                        .meanLoss();
        VaeResult r =
                new VaeTrainer(B, Inferences.discover(), VaeListener.NONE)
                        .train(c, train, test, dir, false);
        EpochMetrics m = r.history().get(0);
        System.out.printf(
                "%s: test loss %.1f -> %.1f, train objective %.1f%n",
                c.toOptions(), before, m.testLoss(), m.trainLoss());
        assertTrue(Double.isFinite(m.trainLoss()) && Double.isFinite(r.negLogLikelihood()));
        assertTrue(m.testLoss() < before - 10, m.testLoss() + " vs " + before);
    }
}
