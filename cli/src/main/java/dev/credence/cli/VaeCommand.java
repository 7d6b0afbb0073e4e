package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.data.Dataset;
import dev.credence.api.data.Split;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import dev.credence.models.vae.Likelihood;
import dev.credence.models.vae.VaeCheckpoint;
import dev.credence.models.vae.VaeConfig;
import dev.credence.models.vae.VaeFigures;
import dev.credence.models.vae.VaeResult;
import dev.credence.models.vae.VaeTrainer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credence vae train|eval}: the variational autoencoder on Fashion-MNIST or MNIST, trained
 * by SVI with an amortised guide; writes metrics, PNG figures, checkpoints and anomaly scores.
 */
@Command(
        name = "vae",
        mixinStandardHelpOptions = true,
        description =
                "Train, evaluate or sample the variational autoencoder (784-400-20 by default).")
public final class VaeCommand implements Callable<Integer> {
    private final Backends backends;
    private final Inferences inferences;
    private final ImageSets images;

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "train, eval or sample")
    String action;

    @Option(
            names = "--count",
            defaultValue = "64",
            description = "sample: images drawn from the prior (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--data",
            defaultValue = "fashion-mnist",
            description = "fashion-mnist or mnist (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(
            names = "--data-dir",
            description =
                    "Folder holding the IDX files (default: cache, Debian's package, or download).")
    Path dataDir;

    @Option(
            names = "--train-size",
            defaultValue = "0",
            description = "Use only the first N training images (0: all).")
    int trainSize;

    @Option(
            names = "--test-size",
            defaultValue = "0",
            description = "Use only the first N test images (0: all).")
    int testSize;

    @Option(
            names = "--epochs",
            defaultValue = "20",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--latent",
            defaultValue = "20",
            description = "Latent dimension (default: ${DEFAULT-VALUE}).")
    int latent;

    @Option(
            names = "--hidden",
            defaultValue = "400",
            description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(
            names = "--likelihood",
            defaultValue = "bernoulli",
            description =
                    "bernoulli, continuous-bernoulli or gaussian (default: ${DEFAULT-VALUE}).")
    String likelihood;

    @Option(
            names = "--beta",
            defaultValue = "1",
            description = "Weight of the KL term (beta-VAE; default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(
            names = "--iwae-k",
            defaultValue = "1",
            description = "Importance samples for IWAE training (1: the ELBO).")
    int iwaeK;

    @Option(
            names = "--batch",
            defaultValue = "128",
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--lr",
            defaultValue = "1e-3",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--backend",
            defaultValue = "jvm",
            description = "Backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(
            names = "--output",
            description =
                    "Output folder (default: runs/vae-<time>); eval reads its checkpoint from here.")
    Path output;

    @Option(
            names = "--resume",
            description = "Continue the training in --output from its last checkpoint.")
    boolean resume;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    /**
     * Creates the command.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     * @param images the named image sets
     */
    @Inject
    public VaeCommand(Backends backends, Inferences inferences, ImageSets images) {
        this.backends = backends;
        this.inferences = inferences;
        this.images = images;
    }

    private int sample(Backend b, PrintWriter out) throws IOException {
        if (output == null) {
            throw new IllegalArgumentException(
                    "vae sample: give --output, the folder of a trained run");
        }
        Path ckpt = output.resolve(VaeCheckpoint.FILE);
        if (!Files.exists(ckpt)) {
            throw new java.io.FileNotFoundException("no VAE checkpoint " + ckpt + " (train first)");
        }
        if (count < 1 || count > 1024) {
            throw new IllegalArgumentException("--count must be in 1..1024, found " + count);
        }
        var fitted = VaeCheckpoint.read(ckpt).toFitted(b);
        Path png =
                new VaeFigures(fitted, 28, 28)
                        .samples(
                                output.resolve("prior-samples-" + seed + ".png"),
                                RandomKey.of(seed),
                                count);
        RunOutput.record(
                        b.name(),
                        "vae-sample",
                        java.util.Map.of("count", count),
                        seed,
                        "checkpoint:" + ckpt,
                        java.time.Instant.now())
                .writeBeside(png);
        out.println("wrote:\n  " + png);
        out.flush();
        return ExitCodes.OK;
    }

    @Override
    public Integer call() throws IOException {
        if (!List.of("train", "eval", "sample").contains(action)) {
            throw new IllegalArgumentException(
                    "vae: the action must be train, eval or sample, found '" + action + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend b = backends.select(backend);
        if (action.equals("sample")) {
            return sample(b, out);
        }
        Dataset test = images.load(data, Split.TEST, dataDir, testSize);
        VaeTrainer trainer = new VaeTrainer(b, inferences, new VaeProgress(err));
        VaeResult r;
        Path dir;
        if (action.equals("train")) {
            Dataset train = images.load(data, Split.TRAIN, dataDir, trainSize);
            VaeConfig config =
                    VaeConfig.builder()
                            .latent(latent)
                            .hidden(hidden)
                            .likelihood(Likelihood.parse(likelihood))
                            .beta(beta)
                            .particles(iwaeK)
                            .epochs(epochs)
                            .batchSize(batch)
                            .learningRate(lr)
                            .seed(seed)
                            .build();
            dir = resume && output == null ? null : RunOutput.folder(output, "vae");
            if (dir == null) {
                throw new IllegalArgumentException(
                        "--resume needs --output, the folder of the run to continue");
            }
            out.printf(
                    Locale.ROOT,
                    "VAE on %s (%d train, %d test images), backend %s, %d epochs%n",
                    data,
                    train.size(),
                    test.size(),
                    b.name(),
                    epochs);
            r = trainer.train(config, train, test, dir, resume);
        } else {
            if (output == null) {
                throw new IllegalArgumentException(
                        "vae eval: give --output, the folder of a trained run");
            }
            dir = output;
            Path ckpt = dir.resolve(VaeCheckpoint.FILE);
            if (!Files.exists(ckpt)) {
                throw new java.io.FileNotFoundException(
                        "no VAE checkpoint " + ckpt + " (train first)");
            }
            r = trainer.evaluate(VaeCheckpoint.read(ckpt), test, dir);
        }
        out.printf(
                Locale.ROOT, "%ntest loss (negative ELBO per example): %.2f nats%n", r.testLoss());
        out.printf(
                Locale.ROOT,
                "importance-sampled -log p(x) over %d test images: %.2f nats%n",
                r.nllExamples(),
                r.negLogLikelihood());
        out.println("wrote:");
        for (Path f : r.files()) {
            out.println("  " + f);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
