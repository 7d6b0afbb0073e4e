package dev.credence.models.bnn.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.api.nn.Activation;
import dev.credence.api.random.RandomKey;
import dev.credence.io.data.Dataset;
import dev.credence.models.bnn.data.ToyRegression;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.predict.RegressionDraws;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line workflow: CSV in, fit, save, load, predict, metrics, plots. */
class BnnWorkflowTest {
    private final Backend b = Backends.discover().select("jvm");
    private final BnnWorkflow w = new BnnWorkflow(Inferences.discover(), b, null);

    private static Path csv(Path dir, String name, double[][] cols, String... header)
            throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (int i = 0; i < cols[0].length; i++) {
            for (int j = 0; j < cols.length; j++) {
                sb.append(j > 0 ? "," : "").append(String.format(Locale.ROOT, "%.6f", cols[j][i]));
            }
            sb.append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb);
        return f;
    }

    @Test
    @DisplayName("regression: fit by SVI, save, load, predict the same, score and plot")
    void regressionRoundTrip(@TempDir Path dir) throws IOException {
        ToyRegression t = ToyRegression.gap(80, 0.1, RandomKey.of(1));
        Dataset train =
                BnnWorkflow.readCsv(
                        csv(dir, "train.csv", new double[][] {t.x(), t.y()}, "x", "y"), "y");
        NetworkSpec spec =
                new NetworkSpec(
                        new int[] {16}, Activation.TANH, "homoscedastic", WeightPrior.normal(1));
        FitOptions o =
                FitOptions.of(
                        "svi",
                        Map.of(
                                "epochs",
                                "300",
                                "batch-size",
                                "40",
                                "lr",
                                "0.03",
                                "lr-final",
                                "0.001"));
        SavedNetwork net = w.fit(train, spec, o, 3, 50);
        assertEquals(50, net.samples().weights().size());
        Path file = dir.resolve("net.ckpt");
        net.save(file, null);
        SavedNetwork back = SavedNetwork.load(file, b);
        assertEquals(spec, back.spec());
        PredictionTable p1 = w.predict(net, train, 0.9, 50, 5);
        PredictionTable p2 = w.predict(back, train, 0.9, 50, 5);
        assertEquals(
                List.of("mean", "sd", "aleatoric_sd", "epistemic_sd", "lower", "upper", "y"),
                p1.columns());
        for (int i = 0; i < p1.rows().length; i++) {
            assertArrayEquals(p1.rows()[i], p2.rows()[i], 1e-12, "row " + i);
        }
        assertNotNull(p1.regression());
        assertTrue(p1.regression().rmse() < 0.3, p1.metricsLine());
        Path out = dir.resolve("pred.csv");
        p1.writeCsv(out);
        assertEquals(81, Files.readAllLines(out).size());
        Path png = dir.resolve("band.png");
        w.plot(back, train, png, 50, 7);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(520, img.getWidth());
        // Without targets, predictions still come, metrics do not.
        Dataset inputs = BnnWorkflow.readCsv(csv(dir, "x.csv", new double[][] {t.x()}, "x"), null);
        assertNull(w.predict(back, inputs, 0.9, 10, 5).regression());
    }

    @Test
    @DisplayName(
            "classification: a deep ensemble separates two blobs, with ECE and a reliability PNG")
    void classification(@TempDir Path dir) throws IOException {
        int n = 120;
        double[] a = RandomKey.of(1).normalDoubles(n);
        double[] c = RandomKey.of(2).normalDoubles(n);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x1[i] = a[i] + (i % 2 == 0 ? -2 : 2);
            x2[i] = c[i];
        }
        Dataset data =
                BnnWorkflow.readCsv(
                        csv(dir, "blobs.csv", new double[][] {x1, x2, y}, "a", "b", "label"),
                        "label");
        NetworkSpec spec =
                new NetworkSpec(
                        new int[] {8}, Activation.RELU, "categorical", WeightPrior.normal(1));
        SavedNetwork net =
                w.fit(
                        data,
                        spec,
                        FitOptions.of("ensemble", Map.of("members", "3", "epochs", "30")),
                        1,
                        0);
        assertEquals(2, net.classes());
        PredictionTable t = w.predict(net, data, 0.95, 3, 1);
        assertEquals(
                List.of("p0", "p1", "predicted", "entropy", "mutual_information", "y"),
                t.columns());
        assertTrue(t.classification().accuracy() > 0.9, t.metricsLine());
        assertTrue(t.classification().ece() < 0.2, t.metricsLine());
        Path png = dir.resolve("reliability.png");
        BnnWorkflow.reliabilityPlot(t, png);
        assertNotNull(ImageIO.read(png.toFile()));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> w.plot(net, data, dir.resolve("x.png"), 1, 1));
        assertTrue(e.getMessage().startsWith("plot: the uncertainty band needs a regression"));
    }

    @Test
    @DisplayName("the baselines: MAP has no epistemic part, MC dropout and ensembles do")
    void baselines() {
        ToyRegression t = ToyRegression.gap(60, 0.1, RandomKey.of(2));
        Dataset train =
                Dataset.of(
                        dev.credence.io.HostArray.ofDoubles(t.x(), t.x().length, 1),
                        dev.credence.io.HostArray.ofDoubles(t.y(), t.y().length));
        NetworkSpec spec =
                new NetworkSpec(
                        new int[] {16}, Activation.TANH, "homoscedastic", WeightPrior.normal(1));
        for (String m : List.of("map", "mcdropout", "ensemble")) {
            SavedNetwork net = w.fit(train, spec, FitOptions.of(m, Map.of("epochs", "100")), 4, 0);
            RegressionDraws d = (RegressionDraws) w.predict(net, train, 0.9, 20, 1).draws();
            double epi = 0;
            for (double v : d.summarise().epistemic()) {
                epi += v;
            }
            if (m.equals("map")) {
                assertEquals(1, d.draws(), "MAP is one draw");
                assertEquals(0, epi, 0, "MAP has no epistemic variance");
            } else {
                assertEquals(m.equals("ensemble") ? 5 : 20, d.draws(), m + " draws");
                assertTrue(epi > 0, m + " has epistemic variance");
            }
        }
    }

    @Test
    @DisplayName("the same model under the svi provider's automatic guides: low-rank and MAP")
    void automaticGuides() {
        ToyRegression t = ToyRegression.gap(60, 0.1, RandomKey.of(3));
        Dataset train =
                Dataset.of(
                        dev.credence.io.HostArray.ofDoubles(t.x(), t.x().length, 1),
                        dev.credence.io.HostArray.ofDoubles(t.y(), t.y().length));
        NetworkSpec spec =
                new NetworkSpec(
                        new int[] {8}, Activation.TANH, "homoscedastic", WeightPrior.normal(1));
        for (String guide : List.of("lowrank", "delta")) {
            SavedNetwork net =
                    w.fit(
                            train,
                            spec,
                            FitOptions.of(
                                    "svi",
                                    Map.of("guide", guide, "epochs", "200", "batch-size", "30")),
                            5,
                            20);
            PredictionTable p = w.predict(net, train, 0.9, 20, 1);
            assertEquals(20, p.draws().draws(), guide);
            assertTrue(p.regression().rmse() < 1, guide + ": " + p.metricsLine());
        }
    }
}
