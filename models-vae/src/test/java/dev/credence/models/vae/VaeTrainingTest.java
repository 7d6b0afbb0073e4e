package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.Json;
import dev.credence.io.RunRecord;
import dev.credence.io.data.Dataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a small VAE (hidden 128, latent 8) on 2,000 real MNIST digits for two epochs through the
 * svi algorithm of the registry, once, and checks what the run learnt and wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaeTrainingTest {
    static final Backend B = Backends.discover().select("jvm");
    static final VaeConfig CONFIG =
            VaeConfig.builder()
                    .hidden(128)
                    .latent(8)
                    .batchSize(64)
                    .epochs(2)
                    .evalSamples(64)
                    .evalExamples(200)
                    .anomalySamples(4)
                    .build();

    Path dir;
    Dataset test;
    ImageData testImages;
    VaeResult result;

    @BeforeAll
    void train(@TempDir Path out) throws Exception {
        dir = out;
        test = SharedData.mnist(2000, 2500);
        testImages = ImageData.of(test, B, CONFIG.dtype());
        result =
                new VaeTrainer(B, Inferences.discover(), VaeListener.NONE)
                        .train(CONFIG, SharedData.mnist(0, 2000), test, dir, false);
    }

    @Test
    @DisplayName("two epochs beat the untrained model's test ELBO by a wide margin")
    void learns() {
        Vae vae = new Vae(CONFIG, 784);
        FittedVae untrained = new FittedVae(vae, vae.initialParams(B, RandomKey.of(0).fold(0)));
        double before = untrained.elbo(testImages.images(), RandomKey.of(1)).meanLoss();
        List<EpochMetrics> h = result.history();
        System.out.printf(
                "small VAE on 2,000 MNIST digits: untrained test loss %.1f, after 1 epoch %.1f,"
                        + " after 2 %.1f, -log p(x) %.1f (K = %d)%n",
                before,
                h.get(0).testLoss(),
                h.get(1).testLoss(),
                result.negLogLikelihood(),
                CONFIG.evalSamples());
        assertEquals(2, h.size());
        assertEquals(2 * 32, h.get(1).steps());
        assertTrue(before > 500, "an untrained decoder gives about 784 log 2 nats: " + before);
        assertTrue(h.get(1).testLoss() < before - 200, "trained " + h.get(1).testLoss());
        assertTrue(h.get(1).testLoss() < h.get(0).testLoss());
        assertTrue(Double.isFinite(h.get(1).trainLoss()) && h.get(1).trainLoss() < before);
        assertEquals(h.get(1).testLoss(), h.get(1).testKl() - h.get(1).testLogLikelihood(), 1e-9);
    }

    @Test
    @DisplayName("the IWAE estimate of log p(x) grows with K and lies above the ELBO")
    void iwaeAboveElbo() {
        FittedVae f = result.fitted();
        Tensor x = testImages.images().narrow(0, 0, 200);
        double elbo = -f.elbo(x, RandomKey.of(5)).meanLoss();
        double l1 = mean(f.logMarginal(x, 1, RandomKey.of(6)));
        double l8 = mean(f.logMarginal(x, 8, RandomKey.of(7)));
        double l64 = mean(f.logMarginal(x, 64, RandomKey.of(8)));
        System.out.printf("ELBO %.2f, L_1 %.2f, L_8 %.2f, L_64 %.2f%n", elbo, l1, l8, l64);
        assertEquals(elbo, l1, 1.0, "L_1 is a one-draw ELBO (with a Monte Carlo KL)");
        assertTrue(l8 > elbo + 1 && l64 > l8, "IWAE bounds: " + l8 + ", " + l64);
        assertEquals(-l64, result.negLogLikelihood(), 15, "same subset, another key");
    }

    @Test
    @DisplayName("the IWAE training pair's ELBO is the per-example bound, above the plain ELBO")
    void iwaePairIsTheBound() {
        Map<String, Tensor> params = result.fitted().params();
        Tensor x = testImages.images().narrow(0, 0, 200);
        VaeConfig iw = CONFIG.toBuilder().particles(16).build();
        Model[] pair = pair(new Vae(iw, 784), x, params);
        Model[] plain = pair(new Vae(CONFIG.toBuilder().analyticKl(false).build(), 784), x, params);
        double iwae = 0;
        double elbo = 0;
        for (int r = 0; r < 5; r++) {
            Trace[] t = traces(pair, RandomKey.of(10 + r));
            Trace[] u = traces(plain, RandomKey.of(20 + r));
            double value = t[1].logJoint().item() - t[0].logJoint().item();
            double factor = t[1].get(Vae.OBSERVED).logProbSum().item();
            assertEquals(factor, value, 1e-6 * Math.abs(factor), "the log q terms cancel");
            iwae += value / 5 / 200;
            elbo += (u[1].logJoint().item() - u[0].logJoint().item()) / 5 / 200;
        }
        System.out.printf("training objectives per example: ELBO %.2f, IWAE-16 %.2f%n", elbo, iwae);
        assertTrue(iwae > elbo + 1, iwae + " vs " + elbo);
    }

    static Model[] pair(Vae vae, Tensor x, Map<String, Tensor> params) {
        var g = vae.guided(x, x.dim(0), params);
        return new Model[] {g.model(), g.guide()};
    }

    static Trace[] traces(Model[] pair, RandomKey key) {
        Trace g = Handlers.trace(Handlers.seed(pair[1], key.fold(0)));
        Trace m = Handlers.trace(Handlers.seed(Handlers.replay(pair[0], g), key.fold(1)));
        return new Trace[] {g, m};
    }

    @Test
    @DisplayName("noise images score as more anomalous than every digit")
    void anomalyScores() {
        double[] digits = result.anomalyScores();
        assertEquals(500, digits.length);
        Tensor noise = RandomKey.of(3).uniform(B, CONFIG.dtype(), 50, 784);
        double[] strange = result.fitted().anomalyScores(noise, 4, RandomKey.of(4));
        double maxDigit = Arrays.stream(digits).max().orElseThrow();
        double minNoise = Arrays.stream(strange).min().orElseThrow();
        System.out.printf(
                "anomaly scores: digits median %.1f max %.1f; noise min %.1f%n",
                median(digits), maxDigit, minNoise);
        assertTrue(minNoise > maxDigit, minNoise + " vs " + maxDigit);
    }

    @Test
    @DisplayName("metrics, checkpoint, run record, scores and summary are written and read back")
    void files() throws Exception {
        List<String> csv = Files.readAllLines(dir.resolve(MetricsLog.CSV));
        assertEquals(3, csv.size());
        assertEquals(String.join(",", EpochMetrics.COLUMNS), csv.get(0));
        assertTrue(csv.get(2).startsWith("2,64,"), csv.get(2));
        List<?> json = (List<?>) Json.parse(Files.readString(dir.resolve(MetricsLog.JSON)));
        assertEquals(2, json.size());

        VaeCheckpoint c = VaeCheckpoint.read(dir.resolve(VaeCheckpoint.FILE));
        assertEquals(CONFIG, c.config());
        assertEquals(2, c.epoch());
        assertEquals(result.history(), c.history());
        FittedVae back = c.toFitted(B);
        result.fitted()
                .params()
                .forEach(
                        (k, v) ->
                                assertArrayEquals(
                                        v.toFloatArray(), back.params().get(k).toFloatArray(), k));
        RunRecord r = RunRecord.readBeside(dir.resolve(VaeCheckpoint.FILE));
        assertEquals("svi", r.algorithm());
        assertEquals("jvm", r.backend());
        assertTrue(Files.exists(dir.resolve(VaeTrainer.SVI_DIR)));

        assertEquals(501, Files.readAllLines(dir.resolve(VaeTrainer.ANOMALY_CSV)).size());
        Map<String, Object> summary =
                Json.parseObject(Files.readString(dir.resolve(VaeTrainer.SUMMARY_JSON)), "summary");
        assertEquals(result.testLoss(), ((Number) summary.get("test_loss")).doubleValue());
    }

    @Test
    @DisplayName("the figures are PNG files of the expected sizes")
    void figures() throws Exception {
        int tile = 28 + dev.credence.plot.image.ImageGrid.GUTTER;
        int g = dev.credence.plot.image.ImageGrid.GUTTER;
        assertSize(dir.resolve(VaeFigures.RECONSTRUCTIONS), 8 * tile + g, 8 * tile + g);
        assertSize(dir.resolve(VaeFigures.SAMPLES), 8 * tile + g, 8 * tile + g);
        assertSize(dir.resolve(VaeFigures.TRAVERSAL), 11 * tile + g, 8 * tile + g);
        assertTrue(!Files.exists(dir.resolve(VaeFigures.LATENT_MAP)), "only for a 2-d latent");
    }

    @Test
    @DisplayName("a 2-d latent also gets the latent map and the scatter of codes")
    void twoDimensionalLatent(@TempDir Path out) throws Exception {
        Vae vae = new Vae(CONFIG.toBuilder().latent(2).build(), 784);
        FittedVae f = new FittedVae(vae, vae.initialParams(B, RandomKey.of(1)));
        List<Path> files =
                new VaeFigures(f, 28, 28)
                        .writeAll(out, testImages.images(), testImages.labels(), RandomKey.of(2));
        assertEquals(5, files.size());
        int tile = 28 + dev.credence.plot.image.ImageGrid.GUTTER;
        assertSize(out.resolve(VaeFigures.LATENT_MAP), 20 * tile + 2, 20 * tile + 2);
        assertSize(
                out.resolve(VaeFigures.LATENT_SCATTER),
                dev.credence.plot.image.LatentFigure.SIZE,
                dev.credence.plot.image.LatentFigure.SIZE);
    }

    static void assertSize(Path png, int width, int height) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(width, img.getWidth(), png.toString());
        assertEquals(height, img.getHeight(), png.toString());
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
