package dev.credence.bench.uci;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.models.bnn.data.UciDataset;
import dev.credence.models.bnn.fit.UciProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the UCI benchmark ({@link UciProtocol}) and prints a table of RMSE and test log-likelihood,
 * mean ± standard error over the splits, beside the published columns of {@link PublishedResults}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.credence.bench.uci.UciBenchmark \
 *     --data ../shared/data/uci --datasets bostonHousing,yacht --splits 20 \
 *     --methods bbb,mcdropout --epochs-factor 1 --out bench/target/uci
 * </pre>
 *
 * Per-split results are appended to {@code <out>/splits.csv} as they finish; the table goes to
 * standard output and {@code <out>/table.md}.
 */
public final class UciBenchmark {
    private UciBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --data DIR --datasets a,b --splits N --methods m1,m2 --epochs-factor F
     *     --out DIR --seed S}
     * @throws IOException if data cannot be read or results written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = parse(args);
        Path data = Path.of(a.getOrDefault("data", "../shared/data/uci"));
        List<String> datasets =
                List.of(
                        a.getOrDefault(
                                        "datasets",
                                        "bostonHousing,concrete,energy,wine-quality-red,yacht")
                                .split(","));
        int splits = Integer.parseInt(a.getOrDefault("splits", "20"));
        List<String> methods = List.of(a.getOrDefault("methods", "bbb,mcdropout").split(","));
        int factor = Integer.parseInt(a.getOrDefault("epochs-factor", "1"));
        long seed = Long.parseLong(a.getOrDefault("seed", "2015"));
        Path out = Path.of(a.getOrDefault("out", "bench/target/uci"));
        Files.createDirectories(out);
        Path csv = out.resolve("splits.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, "dataset,method,epochs,split,rmse,ll,coverage95,seconds\n");
        }
        Backend b = Backends.discover().select(a.getOrDefault("backend", "jvm"));
        Inferences inferences = Inferences.discover();
        Map<String, Map<String, List<double[]>>> results = new LinkedHashMap<>();
        for (String name : datasets) {
            UciDataset ds = UciDataset.read(data.resolve(name));
            int epochs = ds.epochs() * factor;
            for (String method : methods) {
                String label = method + (factor == 1 ? "" : " x" + factor);
                List<double[]> rows = new ArrayList<>();
                for (int k = 0; k < Math.min(splits, ds.splits()); k++) {
                    UciProtocol.SplitResult r =
                            UciProtocol.run(
                                    ds,
                                    k,
                                    UciProtocol.options(method, epochs),
                                    label,
                                    b,
                                    inferences,
                                    seed);
                    rows.add(new double[] {r.metrics().rmse(), r.metrics().logLikelihood()});
                    String line =
                            String.format(
                                    Locale.ROOT,
                                    "%s,%s,%d,%d,%.5f,%.5f,%.4f,%.2f%n",
                                    name,
                                    label,
                                    epochs,
                                    k,
                                    r.metrics().rmse(),
                                    r.metrics().logLikelihood(),
                                    r.metrics().coverage95(),
                                    r.seconds());
                    Files.writeString(csv, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    System.err.print(line);
                }
                results.computeIfAbsent(name, x -> new LinkedHashMap<>()).put(label, rows);
            }
        }
        String table = table(results);
        System.out.print(table);
        Files.writeString(out.resolve("table.md"), table);
    }

    static String table(Map<String, Map<String, List<double[]>>> results) {
        StringBuilder sb = new StringBuilder();
        for (int metric = 0; metric < 2; metric++) {
            sb.append(metric == 0 ? "\nTest RMSE" : "\nTest log-likelihood")
                    .append(
                            " (mean ± standard error over splits; published columns from Gal and"
                                    + " Ghahramani 2016, Table 1)\n\n");
            List<String> ours = new ArrayList<>();
            results.values()
                    .forEach(
                            m ->
                                    m.keySet()
                                            .forEach(
                                                    k -> {
                                                        if (!ours.contains(k)) {
                                                            ours.add(k);
                                                        }
                                                    }));
            sb.append("| dataset | splits |");
            for (String m : ours) {
                sb.append(' ').append(m).append(" |");
            }
            for (String p : PublishedResults.METHODS) {
                sb.append(' ').append(p).append(" (published) |");
            }
            sb.append('\n')
                    .append("|---|---:|")
                    .append("---:|".repeat(ours.size() + 3))
                    .append('\n');
            for (var e : results.entrySet()) {
                int n = e.getValue().values().iterator().next().size();
                sb.append("| ").append(e.getKey()).append(" | ").append(n).append(" |");
                for (String m : ours) {
                    List<double[]> rows = e.getValue().get(m);
                    sb.append(' ').append(rows == null ? "" : meanSe(rows, metric)).append(" |");
                }
                PublishedResults pub = PublishedResults.TABLE.get(e.getKey());
                for (String p : PublishedResults.METHODS) {
                    double[] v = pub == null ? null : (metric == 0 ? pub.rmse() : pub.ll()).get(p);
                    sb.append(' ')
                            .append(
                                    v == null
                                            ? ""
                                            : String.format(Locale.ROOT, "%.2f ± %.2f", v[0], v[1]))
                            .append(" |");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String meanSe(List<double[]> rows, int metric) {
        double s = 0;
        double s2 = 0;
        for (double[] r : rows) {
            s += r[metric];
            s2 += r[metric] * r[metric];
        }
        int n = rows.size();
        double mean = s / n;
        double var = n > 1 ? (s2 - n * mean * mean) / (n - 1) : 0;
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean, Math.sqrt(Math.max(var, 0) / n));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(
                        "expected --option value pairs, found '" + args[i] + "'");
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }
}
