package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.io.data.Dataset;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a run from its checkpoints continues it exactly. */
class ResumeTest {
    static final Backend B = Backends.discover().select("jvm");
    static final VaeConfig TWO =
            VaeConfig.builder()
                    .hidden(32)
                    .latent(4)
                    .batchSize(64)
                    .epochs(2)
                    .evalSamples(4)
                    .evalExamples(20)
                    .anomalySamples(2)
                    .build();

    final Dataset train = SharedData.mnist(0, 256);
    final Dataset test = SharedData.mnist(256, 320);

    VaeTrainer trainer() {
        return new VaeTrainer(B, Inferences.discover(), VaeListener.NONE);
    }

    @Test
    @DisplayName("one epoch, then a resumed second, equals two uninterrupted epochs bit for bit")
    void resumeEqualsUninterrupted(@TempDir Path a, @TempDir Path b) throws Exception {
        VaeResult whole = trainer().train(TWO, train, test, a, false);
        trainer().train(TWO.toBuilder().epochs(1).build(), train, test, b, false);
        VaeResult resumed = trainer().train(TWO, train, test, b, true);

        assertEquals(2, resumed.history().size());
        whole.fitted()
                .params()
                .forEach(
                        (k, v) ->
                                assertArrayEquals(
                                        v.toFloatArray(),
                                        resumed.fitted().params().get(k).toFloatArray(),
                                        k));
        EpochMetrics w = whole.history().get(1);
        EpochMetrics r = resumed.history().get(1);
        assertEquals(w.trainLoss(), r.trainLoss());
        assertEquals(w.testLoss(), r.testLoss());
        EpochMetrics w1 = whole.history().get(0);
        EpochMetrics r1 = resumed.history().get(0);
        assertEquals(w1.trainLoss(), r1.trainLoss(), "epoch 1 is kept as it was");
        assertEquals(w1.testLoss(), r1.testLoss(), "epoch 1 is kept as it was");
        assertEquals(whole.negLogLikelihood(), resumed.negLogLikelihood());
    }

    @Test
    @DisplayName("resuming with another training configuration is refused, naming both")
    void resumeMismatch(@TempDir Path a) throws Exception {
        trainer().train(TWO.toBuilder().epochs(1).build(), train, test, a, false);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                trainer()
                                        .train(
                                                TWO.toBuilder().learningRate(0.01).build(),
                                                train,
                                                test,
                                                a,
                                                true));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }
}
