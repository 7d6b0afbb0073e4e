package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Inferences;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.Split;
import dev.credence.models.vae.VaeConfig;
import dev.credence.models.vae.VaeResult;
import dev.credence.models.vae.VaeTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The second half of {@code credence demo}: one short epoch of the reference VAE on the first
 * 10,000 Fashion-MNIST training images, with its figures.
 */
final class DemoVae {
    private DemoVae() {}

    static List<Path> run(
            Backend b,
            Inferences inferences,
            ImageSets images,
            long seed,
            Path data,
            Path dir,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        out.printf("%nPart 2: one short VAE epoch (784-400-20) on 10,000 Fashion-MNIST images%n");
        Dataset train = images.load("fashion-mnist", Split.TRAIN, data, 10_000);
        Dataset test = images.load("fashion-mnist", Split.TEST, data, 1_000);
        VaeConfig config =
                VaeConfig.builder()
                        .epochs(1)
                        .seed(seed)
                        .evalSamples(50)
                        .evalExamples(200)
                        .anomalySamples(10)
                        .build();
        VaeResult r;
        try (VaeProgress progress = new VaeProgress(err)) {
            r =
                    new VaeTrainer(b, inferences, progress)
                            .train(config, train, test, dir.resolve("vae"), false);
        }
        out.printf(
                Locale.ROOT,
                "  test loss %.1f nats per image, -log p(x) about %.1f (K=50, 200 images)%n",
                r.testLoss(),
                r.negLogLikelihood());
        return r.files();
    }
}
