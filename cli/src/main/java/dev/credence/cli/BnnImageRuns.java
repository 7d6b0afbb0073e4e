package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import dev.credence.cli.folder.RunFolder;
import dev.credence.io.AtomicFiles;
import dev.credence.io.Json;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.Split;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.ConvNet;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Mlp;
import dev.credence.models.bnn.Network;
import dev.credence.models.bnn.data.ImageData;
import dev.credence.models.bnn.fit.BnnFitter;
import dev.credence.models.bnn.fit.FitOptions;
import dev.credence.models.bnn.fit.FittedBnn;
import dev.credence.models.bnn.fit.ImageEvaluation;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.plot.ConfidencePlot;
import dev.credence.models.bnn.plot.ReliabilityPlot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The work of {@code bnn fit --images NAME}: a classifier (an MLP or a small CNN) fitted to a named
 * image set's training split by any network method, scored on its test split (accuracy, NLL, ECE,
 * Brier) and, with {@code --ood}, on another set's test split as out-of-distribution inputs (AUROC
 * of the predictive entropy). It writes {@code metrics.json} with its run record, a reliability
 * diagram and an accuracy-against-confidence plot; image fits are scored, not saved as a network
 * file ({@code net.ckpt} holds table networks with their column standardisation).
 *
 * @param sets the named image sets
 * @param inferences the inference registry
 * @param out where the report is printed
 */
record BnnImageRuns(Datasets sets, Inferences inferences, PrintWriter out) {

    /** What to fit and on which images. */
    record Request(
            String images,
            Path imageDir,
            int limit,
            int testLimit,
            String ood,
            Path oodDir,
            String arch,
            int[] hidden,
            int[] blocks,
            WeightPrior prior,
            FitOptions options,
            long seed,
            int draws) {}

    /** The network of an architecture name for images of a given size. */
    static Network network(String arch, int height, int width, int[] hidden, int[] blocks, int k) {
        return switch (arch) {
            case "mlp" -> new Mlp(Architecture.relu(height * width, hidden), k);
            case "cnn" -> new ConvNet(1, height, width, blocks, hidden, k);
            default ->
                    throw CommandFailure.usage("--arch must be mlp or cnn, found '" + arch + "'");
        };
    }

    int fit(Request r, Backend backend, RunFolder folder) throws IOException {
        RandomKey[] k = RandomKey.of(r.seed()).split(3);
        ImageData train = load(r.images(), Split.TRAIN, r.imageDir(), r.limit(), k[0], backend);
        ImageData test = load(r.images(), Split.TEST, r.imageDir(), r.testLimit(), k[0], backend);
        ImageData ood =
                r.ood() == null
                        ? null
                        : load(r.ood(), Split.TEST, r.oodDir(), r.testLimit(), k[0], backend);
        int classes = 1 + java.util.Arrays.stream(train.labels()).max().orElse(1);
        classes =
                Math.max(
                        2,
                        Math.max(
                                classes,
                                1 + java.util.Arrays.stream(test.labels()).max().orElse(1)));
        Network net =
                network(r.arch(), train.height(), train.width(), r.hidden(), r.blocks(), classes);
        BnnModel model =
                BnnModel.of(net, Likelihood.categorical(classes), r.prior(), train.x(), train.y());
        Instant start = Instant.now();
        FittedBnn f = new BnnFitter(inferences).fit(model, r.options(), k[1]);
        ImageEvaluation e = ImageEvaluation.of(f.predictor(), test, ood, k[2], r.draws());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", r.images());
        m.put("network", net.describe());
        m.put("inference", r.options().method());
        m.put("options", new LinkedHashMap<String, Object>(r.options().values()));
        m.put("train", train.size());
        m.put("test", test.size());
        m.put("accuracy", e.accuracy());
        m.put("nll", e.nll());
        m.put("ece", e.ece());
        m.put("brier", e.brier());
        if (ood != null) {
            m.put("ood", r.ood());
            m.put("ood_auroc", e.auroc());
        }
        m.put("train_seconds", f.seconds());
        Path json = folder.dir().resolve("metrics.json");
        AtomicFiles.writeString(json, Json.write(m) + "\n");
        Map<String, Object> config = new LinkedHashMap<>(m);
        RunOutput.record(
                        backend,
                        r.options().method(),
                        config,
                        r.seed(),
                        "images:" + r.images(),
                        start)
                .writeBeside(json);
        Path reliability = folder.dir().resolve("reliability.png");
        ReliabilityPlot.write(
                reliability, e.reliability(), net.describe() + ", " + r.options().method());
        Path confidence = folder.dir().resolve("confidence.png");
        ConfidencePlot.write(
                confidence,
                Map.of(r.options().method(), e.curve()),
                r.images() + " test: accuracy vs confidence");
        out.printf(
                Locale.ROOT,
                "fitted %s by %s on %d %s images in %.1f s%n",
                net.describe(),
                r.options().method(),
                train.size(),
                r.images(),
                f.seconds());
        out.printf(
                Locale.ROOT,
                "test metrics (%d images): accuracy %.4f, NLL %.4f, ECE %.4f, Brier %.4f%s%n",
                test.size(),
                e.accuracy(),
                e.nll(),
                e.ece(),
                e.brier(),
                ood == null
                        ? ""
                        : String.format(Locale.ROOT, ", OOD AUROC vs %s %.4f", r.ood(), e.auroc()));
        out.println("wrote:\n  " + json + "\n  " + reliability + "\n  " + confidence);
        out.flush();
        folder.finish();
        return ExitCode.OK.code();
    }

    private ImageData load(
            String name, Split split, Path dir, int limit, RandomKey key, Backend b) {
        try {
            return ImageData.load(sets, name, split, dir, limit, key, b, DType.FLOAT32);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot load the "
                            + split.name().toLowerCase(Locale.ROOT)
                            + " split of '"
                            + name
                            + "': "
                            + e.getMessage(),
                    e);
        }
    }
}
