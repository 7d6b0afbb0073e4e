package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import dev.credence.cli.check.Bounds;
import dev.credence.cli.check.Footprints;
import dev.credence.cli.check.MemoryBudget;
import dev.credence.cli.folder.FolderMode;
import dev.credence.cli.folder.RunFolder;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.Split;
import dev.credence.models.vae.Likelihood;
import dev.credence.models.vae.VaeCheckpoint;
import dev.credence.models.vae.VaeConfig;
import dev.credence.models.vae.VaeFigures;
import dev.credence.models.vae.VaeTrainer;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    /** Settings that a resumed run may change: more epochs, another evaluation. */
    private static final java.util.Set<String> NOT_IDENTITY =
            java.util.Set.of("epochs", "eval-samples", "eval-examples", "anomaly-samples");

    private final Backends backends;
    private final Inferences inferences;
    private final ImageSets images;
    private final RunFolders folders;

    @Spec CommandSpec spec;

    @Mixin RunOptions common;
    @Mixin OutputOptions outputs;
    @Mixin VerboseOption verbose;

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
            names = "--resume",
            description =
                    "Continue the training in --output from its last checkpoint (same settings,"
                            + " data and seed; more --epochs extend it).")
    boolean resume;

    /**
     * Creates the command.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     * @param images the named image sets
     * @param folders the output folders of this invocation
     */
    @Inject
    public VaeCommand(
            Backends backends, Inferences inferences, ImageSets images, RunFolders folders) {
        this.backends = backends;
        this.inferences = inferences;
        this.images = images;
        this.folders = folders;
    }

    @Override
    public Integer call() throws IOException {
        Bounds.oneOf("vae: the action", action, "train", "eval", "sample");
        if (outputs.output == null && !action.equals("train")) {
            throw CommandFailure.usage(
                    "vae " + action + ": give --output, the folder of a trained run");
        }
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new FileNotFoundException("--data-dir " + dataDir + " is not a folder");
        }
        Backend b = BackendChoice.select(backends, common.backend);
        PrintWriter out = spec.commandLine().getOut();
        try (VaeProgress progress = new VaeProgress(spec.commandLine().getErr())) {
            VaeRuns runs = new VaeRuns(out, new VaeTrainer(b, inferences, progress));
            return switch (action) {
                case "train" -> train(runs);
                case "eval" -> eval(runs);
                default -> sample(b, out);
            };
        }
    }

    private int train(VaeRuns runs) throws IOException {
        Bounds.count("--epochs", epochs, 1, Bounds.MAX_EPOCHS);
        Bounds.count("--latent", latent, 1, Integer.MAX_VALUE);
        Bounds.count("--hidden", hidden, 1, Integer.MAX_VALUE);
        Bounds.count("--batch", batch, 1, Integer.MAX_VALUE);
        Bounds.count("--iwae-k", iwaeK, 1, Integer.MAX_VALUE);
        Bounds.count("--train-size", trainSize, 0, Integer.MAX_VALUE);
        Bounds.count("--test-size", testSize, 0, Integer.MAX_VALUE);
        Bounds.positive("--lr", lr);
        Bounds.positive("--beta", beta);
        if (resume && outputs.output == null) {
            throw CommandFailure.usage(
                    "--resume needs --output, the folder of the run to continue");
        }
        if (resume && outputs.force) {
            throw CommandFailure.usage(
                    "--resume continues the run in --output and --force replaces it; give one");
        }
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
                        .seed(common.seed)
                        .build();
        int pixels = images.pixels(data);
        double weights = Footprints.vaeWeights(pixels, hidden, latent);
        int valueBytes = config.dtype().byteSize();
        MemoryBudget.ofThisJvm()
                .require(
                        Footprints.vae(
                                weights,
                                valueBytes,
                                Math.min(batch, images.rows(data, Split.TRAIN, trainSize)),
                                iwaeK,
                                2.0 * hidden + 3.0 * latent + pixels),
                        "--hidden, --latent, --batch, --iwae-k",
                        "use a smaller network or minibatch");
        FolderMode mode =
                resume ? FolderMode.RESUME : outputs.force ? FolderMode.REPLACE : FolderMode.CREATE;
        RunFolder folder =
                folders.claim(
                        new RunFolder.Request(
                                outputs.output,
                                "vae train",
                                "vae",
                                mode,
                                null,
                                true,
                                Footprints.checkpointDisk(weights, valueBytes, 5)));
        Dataset test = images.load(data, Split.TEST, dataDir, testSize);
        Dataset train = images.load(data, Split.TRAIN, dataDir, trainSize);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("data", data);
        identity.put("train-size", trainSize);
        identity.put("train-sha256", train.sha256());
        config.toOptions().forEach(identity::put);
        identity.keySet().removeAll(NOT_IDENTITY);
        folder.requireSameRun(identity);
        Path ckpt = folder.dir().resolve(VaeCheckpoint.FILE);
        if (folder.continuing() && Files.exists(ckpt)) {
            VaeTrainer.requireResumable(
                    VaeCheckpoint.read(ckpt), config, pixels, train.sha256(), ckpt);
        }
        folder.begin(identity);
        if (resume && !folder.continuing()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "credence: note: "
                                    + folder.dir()
                                    + " holds no run to continue; starting a new one");
        }
        return runs.train(config, data, train, test, folder);
    }

    private int eval(VaeRuns runs) throws IOException {
        VaeCheckpoint c = VaeCheckpoint.read(checkpoint());
        Dataset test = images.load(data, Split.TEST, dataDir, testSize);
        RunFolder folder = claimToAdd("vae eval");
        folder.begin(Map.of());
        return runs.eval(c, test, folder);
    }

    private int sample(Backend b, PrintWriter out) throws IOException {
        Bounds.count("--count", count, 1, 1024);
        Path ckpt = checkpoint();
        VaeCheckpoint c = VaeCheckpoint.read(ckpt);
        RunFolder folder = claimToAdd("vae sample");
        folder.begin(Map.of());
        Path png =
                new VaeFigures(c.toFitted(b), c.height(), c.width())
                        .samples(
                                outputs.output.resolve("prior-samples-" + common.seed + ".png"),
                                RandomKey.of(common.seed),
                                count);
        RunOutput.record(
                        b,
                        "vae-sample",
                        Map.of("count", count),
                        common.seed,
                        "checkpoint:" + ckpt,
                        Instant.now())
                .writeBeside(png);
        out.println("wrote:\n  " + png);
        out.flush();
        folder.finish();
        return ExitCode.OK.code();
    }

    private Path checkpoint() throws FileNotFoundException {
        Path ckpt = outputs.output.resolve(VaeCheckpoint.FILE);
        if (!Files.isRegularFile(ckpt)) {
            throw new FileNotFoundException("no VAE checkpoint " + ckpt + " (train first)");
        }
        return ckpt;
    }

    private RunFolder claimToAdd(String command) {
        return folders.claim(
                new RunFolder.Request(
                        outputs.output,
                        command,
                        "vae",
                        FolderMode.ADD,
                        "vae train",
                        false,
                        16L << 20));
    }
}
