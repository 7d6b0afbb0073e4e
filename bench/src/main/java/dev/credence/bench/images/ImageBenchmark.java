package dev.credence.bench.images;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.Split;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.ConvNet;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Network;
import dev.credence.models.bnn.data.ImageData;
import dev.credence.models.bnn.fit.BnnFitter;
import dev.credence.models.bnn.fit.FittedBnn;
import dev.credence.models.bnn.fit.ImageEvaluation;
import dev.credence.models.bnn.layer.WeightPrior;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The image benchmark of issue 17: every method of {@link Methods} trained on (a subset of)
 * Fashion-MNIST's training split, scored on its test split and on MNIST's test split as the
 * out-of-distribution set, for several seeds.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.credence.bench.images.ImageBenchmark \
 *     --arch mlp --train 60000 --test 10000 --ood 10000 --epochs 10 --seeds 5 \
 *     --mnist ../shared/data/mnist-t10k --out bench/target/images
 * </pre>
 *
 * Seed {@code s} draws the training subset, the test and OOD subsets and every method's
 * initialisation, so all methods of one seed see the same images. Each finished (arch, seed,
 * method) is appended to {@code <out>/results.csv} at once; a rerun skips what is there, so a
 * stopped run resumes. {@link Report} then writes the table and figures from that file.
 */
public final class ImageBenchmark {
    private ImageBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --arch mlp,cnn --train N --test N --ood N --epochs E --batch B --lr R
     *     --swag-epochs E --seeds S --draws D --methods k1,k2 --mnist DIR --fashion DIR --backend
     *     NAME --out DIR --set method.option=value,... --validation V}; sizes of 0 mean the whole
     *     split; {@code --set} changes an option of a method (for example {@code
     *     csg-mcmc.temperature=0.01}); {@code --validation V} scores on {@code V} training images
     *     disjoint from the training subset instead of the test split, for choosing settings
     * @throws IOException if data cannot be read or results written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = parse(args);
        List<String> archs = List.of(a.getOrDefault("arch", "mlp").split(","));
        int train = Integer.parseInt(a.getOrDefault("train", "0"));
        int test = Integer.parseInt(a.getOrDefault("test", "0"));
        int ood = Integer.parseInt(a.getOrDefault("ood", "0"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "10"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "128"));
        double lr = Double.parseDouble(a.getOrDefault("lr", "0.001"));
        int swagEpochs =
                Integer.parseInt(a.getOrDefault("swag-epochs", "" + Math.max(1, epochs / 2)));
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "5"));
        int validation = Integer.parseInt(a.getOrDefault("validation", "0"));
        if (validation > 0 && train == 0) {
            throw new IllegalArgumentException(
                    "--validation: carving a validation set needs a training size (--train N)");
        }
        int draws = Integer.parseInt(a.getOrDefault("draws", "20"));
        Path mnist = Path.of(a.getOrDefault("mnist", "../shared/data/mnist-t10k"));
        Path fashion = a.containsKey("fashion") ? Path.of(a.get("fashion")) : null;
        Path out = Path.of(a.getOrDefault("out", "bench/target/images"));
        Backend b = Backends.discover().select(a.getOrDefault("backend", "jvm"));
        Inferences inferences = Inferences.discover();
        Map<String, Map<String, Method>> tables = new LinkedHashMap<>();
        Map<String, Method> labels = new LinkedHashMap<>();
        for (String arch : archs) {
            Map<String, Method> t =
                    Methods.all(arch, epochs, batch, lr, swagEpochs, train == 0 ? 60000 : train);
            if (a.containsKey("set")) {
                t = Methods.override(t, a.get("set"));
            }
            tables.put(arch, t);
            labels.putAll(t);
        }
        Files.createDirectories(out);
        Path csv = out.resolve("results.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, ResultRow.header() + "\n");
        }
        List<ResultRow> done = Report.read(csv);
        String setting =
                String.format(
                        Locale.ROOT,
                        "train %s, test %s, OOD %s, %d epochs, batch %d, Adam %s, SWAG %d epochs, %d"
                                + " predictive draws, backend %s",
                        train == 0 ? "all" : train,
                        validation > 0
                                ? validation + " validation images from the training split"
                                : test == 0 ? "all" : test,
                        ood == 0 ? "all" : ood,
                        epochs,
                        batch,
                        lr,
                        swagEpochs,
                        draws,
                        b.name());
        Files.writeString(out.resolve("setting.txt"), setting + "\n");
        Datasets sets = Datasets.builder().download(false).build();
        BnnFitter fitter = new BnnFitter(inferences);
        warmUp(sets, fashion, archs, b, fitter);
        for (int seed = 1; seed <= seeds; seed++) {
            RandomKey key = RandomKey.of(seed);
            RandomKey[] k = key.split(4);
            ImageData tr;
            ImageData te;
            if (validation > 0) {
                ImageData[] tv =
                        ImageData.disjoint(
                                sets,
                                "fashion-mnist",
                                Split.TRAIN,
                                fashion,
                                train,
                                validation,
                                k[0],
                                b,
                                DType.FLOAT32);
                tr = tv[0];
                te = tv[1];
            } else {
                tr =
                        ImageData.load(
                                sets,
                                "fashion-mnist",
                                Split.TRAIN,
                                fashion,
                                train,
                                k[0],
                                b,
                                DType.FLOAT32);
                te =
                        ImageData.load(
                                sets,
                                "fashion-mnist",
                                Split.TEST,
                                fashion,
                                test,
                                k[1],
                                b,
                                DType.FLOAT32);
            }
            ImageData od =
                    ImageData.load(sets, "mnist", Split.TEST, mnist, ood, k[2], b, DType.FLOAT32);
            for (String arch : archs) {
                Map<String, Method> table = tables.get(arch);
                List<String> wanted =
                        a.containsKey("methods")
                                ? List.of(a.get("methods").split(","))
                                : table.keySet().stream()
                                        .filter(x -> !Methods.ON_REQUEST.contains(x))
                                        .toList();
                for (String name : wanted) {
                    Method m = table.get(name);
                    if (m == null) {
                        throw new IllegalArgumentException(
                                "unknown method '"
                                        + name
                                        + "' for "
                                        + arch
                                        + "; known: "
                                        + table.keySet());
                    }
                    if (has(done, arch, seed, name)) {
                        continue;
                    }
                    if (!m.available(inferences)) {
                        System.out.println(
                                "skipped "
                                        + name
                                        + ": provider '"
                                        + m.inference()
                                        + "' not installed");
                        continue;
                    }
                    BnnModel model =
                            BnnModel.of(
                                    network(arch, tr),
                                    Likelihood.categorical(10),
                                    m.prior(),
                                    tr.x(),
                                    tr.y());
                    RandomKey fitKey = k[3].fold(Methods.keyOf(name).hashCode());
                    FittedBnn f = fitter.fit(model, m.fitOptions(), fitKey);
                    ImageEvaluation e =
                            ImageEvaluation.of(f.predictor(), te, od, k[3].fold(7), draws);
                    ResultRow r = new ResultRow(arch, seed, name, e, f.seconds());
                    Files.writeString(
                            csv, r.csv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    done.add(r);
                    System.out.printf(
                            Locale.ROOT,
                            "%s seed %d %-14s acc %.4f nll %.4f ece %.4f brier %.4f auroc %.4f"
                                    + " train %.1fs (%s)%n",
                            arch,
                            seed,
                            name,
                            e.accuracy(),
                            e.nll(),
                            e.ece(),
                            e.brier(),
                            e.auroc(),
                            f.seconds(),
                            f.predictor().describe());
                }
            }
        }
        Report.write(done, labels, setting, out);
    }

    /**
     * Fits and evaluates a small MAP network per architecture before anything is timed, so that the
     * first method measured does not pay for the JIT compiler's warm-up.
     */
    private static void warmUp(
            Datasets sets, Path fashion, List<String> archs, Backend b, BnnFitter fitter)
            throws IOException {
        RandomKey key = RandomKey.of(0);
        ImageData d =
                ImageData.load(
                        sets, "fashion-mnist", Split.TEST, fashion, 512, key, b, DType.FLOAT32);
        for (String arch : archs) {
            BnnModel model =
                    BnnModel.of(
                            network(arch, d),
                            Likelihood.categorical(10),
                            WeightPrior.normal(1),
                            d.x(),
                            d.y());
            FittedBnn f =
                    fitter.fit(
                            model,
                            dev.credence.models.bnn.fit.FitOptions.of(
                                    "map", Map.of("epochs", "2", "batch-size", "128")),
                            key);
            ImageEvaluation.of(f.predictor(), d, d, key, 4);
        }
    }

    /** The network of an architecture name. */
    static Network network(String arch, ImageData d) {
        return switch (arch) {
            case "mlp" ->
                    new dev.credence.models.bnn.Mlp(
                            Architecture.relu(d.height() * d.width(), 200, 200), 10);
            case "cnn" ->
                    new ConvNet(1, d.height(), d.width(), new int[] {16, 32}, new int[] {64}, 10);
            default ->
                    throw new IllegalArgumentException("--arch: mlp or cnn, found '" + arch + "'");
        };
    }

    private static boolean has(List<ResultRow> rows, String arch, int seed, String method) {
        for (ResultRow r : rows) {
            if (r.arch().equals(arch) && r.seed() == seed && r.method().equals(method)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --name value pairs, found '" + args[i] + "'");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }
}
