package dev.credence.plot.report;

import dev.credence.api.infer.Draws;
import dev.credence.io.FileFormatException;
import dev.credence.io.Json;
import dev.credence.io.RunRecord;
import dev.credence.io.stan.StanChain;
import dev.credence.io.stan.StanCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a run folder holds, read for the report: the folder's manifest, the run records, the MCMC
 * chains (Stan CSV files), the metrics in {@code metrics.json} (a VAE's per-epoch losses, rows with
 * a {@code train_loss}, or an SVI run's ELBO trace, rows with a {@code step} and an {@code elbo};
 * see {@link #isSviTrace()}) or, when that file holds one object rather than a list, the scores of
 * a fit scored once (as {@code bnn fit --images} writes them), and the pictures the run wrote.
 * Every part is optional; a part that is there but damaged is a {@link FileFormatException}.
 *
 * @param dir the folder
 * @param manifest the manifest's members ({@code credence-run.json}), or empty
 * @param records the run records by artifact file name, in name order
 * @param draws the MCMC draws, or null
 * @param metrics the rows of {@code metrics.json} when it is a list, or empty
 * @param scores the members of {@code metrics.json} when it is one object, or empty
 * @param pictures the PNG files the run wrote, in name order
 */
public record RunContent(
        Path dir,
        Map<String, Object> manifest,
        Map<String, RunRecord> records,
        Draws draws,
        List<Map<String, Object>> metrics,
        Map<String, Object> scores,
        List<Path> pictures) {

    private static final Pattern CHAIN = Pattern.compile(".*-(\\d+)\\.csv");

    /** The manifest's file name, as the command line writes it. */
    public static final String MANIFEST = "credence-run.json";

    /** The report's own file name; pictures inside it are not shown again. */
    public static final String REPORT = "report.html";

    /**
     * Reads a run folder.
     *
     * @param dir the folder
     * @return what it holds
     * @throws IOException if a file cannot be read or is damaged
     */
    public static RunContent read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder");
        }
        Map<String, Object> manifest = Map.of();
        Path m = dir.resolve(MANIFEST);
        if (Files.isRegularFile(m)) {
            manifest = parse(m);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, RunRecord> records = new LinkedHashMap<>();
        List<StanChain> chains = new ArrayList<>();
        List<Path> pictures = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".run.json")) {
                records.put(
                        name.substring(0, name.length() - ".run.json".length()), RunRecord.read(f));
            } else if (CHAIN.matcher(name).matches() && isStanCsv(f)) {
                chains.add(StanCsv.read(f));
            } else if (name.endsWith(".png")) {
                pictures.add(f);
            }
        }
        chains.sort((a, b) -> Integer.compare(a.id(), b.id()));
        List<Map<String, Object>> metrics = new ArrayList<>();
        Map<String, Object> scores = new LinkedHashMap<>();
        Path mj = dir.resolve("metrics.json");
        if (Files.isRegularFile(mj)) {
            Object v = Json.parse(Files.readString(mj, StandardCharsets.UTF_8));
            if (v instanceof Map<?, ?> one) {
                one.forEach((k, val) -> scores.put(String.valueOf(k), val));
            } else if (!(v instanceof List<?> rows)) {
                throw new FileFormatException(
                        mj.toString(),
                        "expected a list of epochs or steps, or one object of scores");
            } else {
                readRows(mj, rows, metrics);
            }
        }
        Draws draws = chains.isEmpty() ? null : StanCsv.draws(chains);
        return new RunContent(dir, manifest, records, draws, metrics, scores, pictures);
    }

    private static void readRows(Path mj, List<?> rows, List<Map<String, Object>> metrics)
            throws FileFormatException {
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> r)) {
                throw new FileFormatException(mj.toString(), "expected one object per row");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            r.forEach((k, val) -> copy.put(String.valueOf(k), val));
            metrics.add(copy);
        }
    }

    /**
     * Returns the command that made the run, from the manifest, or "run".
     *
     * @return the command
     */
    public String command() {
        return manifest.get("command") instanceof String c ? c : "run";
    }

    /**
     * Tells whether the metrics are an SVI run's trace (rows of {@code step}, {@code elbo} and
     * optionally {@code log_likelihood} and {@code kl}, as {@code bnn fit} writes them) rather than
     * per-epoch losses (rows of {@code epoch} and {@code train_loss}, as the VAE writes them).
     *
     * @return true for an SVI trace
     */
    public boolean isSviTrace() {
        return !metrics.isEmpty()
                && metrics.get(0).containsKey("elbo")
                && !metrics.get(0).containsKey("train_loss");
    }

    /**
     * Returns one column of the metrics, NaN where a row lacks it.
     *
     * @param key the column
     * @return the values, one per row
     */
    public double[] metric(String key) {
        double[] v = new double[metrics.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = metrics.get(i).get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return v;
    }

    private static boolean isStanCsv(Path f) throws IOException {
        try (var lines = Files.lines(f, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.startsWith("# stan_version_major")).orElse(false);
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static Map<String, Object> parse(Path f) throws IOException {
        try {
            return Json.parseObject(Files.readString(f, StandardCharsets.UTF_8), "run manifest");
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(f.toString(), e.getMessage(), e);
        }
    }
}
