package dev.credence.bench.images;

import dev.credence.models.bnn.metrics.ConfidenceCurve;
import dev.credence.models.bnn.plot.ConfidencePlot;
import dev.credence.models.bnn.plot.ReliabilityPlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's table and figures from its result rows: per network, one line per method with the
 * mean and standard error over seeds of accuracy, NLL, ECE, Brier, OOD AUROC and training seconds,
 * the two goals checked against those means, a reliability diagram per method (bins pooled
 * over seeds) and one accuracy-against-confidence plot.
 *
 * <p>The goals, as checked: a single-model method "matches or beats" the ensemble when its mean NLL
 * is at most the ensemble's plus the standard error of the difference, and its mean AUROC at least
 * the ensemble's minus that error, at no more than a third of the ensemble's mean training time; a
 * Bayesian method beats MAP when both its mean ECE and mean NLL are below MAP's.
 */
final class Report {
    private Report() {}

    /** Reads {@code results.csv}. */
    static List<ResultRow> read(Path csv) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (!line.isBlank() && !line.startsWith("arch,")) {
                rows.add(ResultRow.parse(line));
            }
        }
        return rows;
    }

    /** Writes {@code table.md} and the PNGs into {@code out}, and prints the table. */
    static void write(List<ResultRow> rows, Map<String, Method> methods, String setting, Path out)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Setting: ").append(setting).append(".\n\n");
        List<String> archs = rows.stream().map(ResultRow::arch).distinct().toList();
        for (String arch : archs) {
            Map<String, List<ResultRow>> by = new LinkedHashMap<>();
            for (String key : methods.keySet()) {
                List<ResultRow> r =
                        rows.stream()
                                .filter(x -> x.arch().equals(arch) && x.method().equals(key))
                                .toList();
                if (!r.isEmpty()) {
                    by.put(key, r);
                }
            }
            md.append(table(arch, by, methods)).append('\n');
            md.append(goals(by, methods)).append('\n');
            Map<String, ConfidenceCurve> curves = new LinkedHashMap<>();
            for (var e : by.entrySet()) {
                String label = methods.get(e.getKey()).label();
                curves.put(label, ResultRow.meanCurve(e.getValue()));
                ReliabilityPlot.write(
                        out.resolve("reliability-" + arch + "-" + e.getKey() + ".png"),
                        ResultRow.pooled(e.getValue()),
                        label + " (" + arch + ", seeds pooled)");
            }
            ConfidencePlot.write(
                    out.resolve("confidence-" + arch + ".png"),
                    curves,
                    "Fashion-MNIST test: accuracy vs confidence (" + arch + ")");
        }
        Files.writeString(out.resolve("table.md"), md);
        System.out.print(md);
    }

    private static String table(
            String arch, Map<String, List<ResultRow>> by, Map<String, Method> methods) {
        StringBuilder s = new StringBuilder();
        s.append("Network: ").append(arch).append("\n\n");
        s.append("| method | seeds | accuracy | NLL | ECE | Brier | OOD AUROC | train s |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var e : by.entrySet()) {
            List<ResultRow> r = e.getValue();
            s.append("| ")
                    .append(methods.get(e.getKey()).label())
                    .append(" | ")
                    .append(r.size())
                    .append(" | ")
                    .append(ms(r, x -> x.e().accuracy(), 4))
                    .append(" | ")
                    .append(ms(r, x -> x.e().nll(), 4))
                    .append(" | ")
                    .append(ms(r, x -> x.e().ece(), 4))
                    .append(" | ")
                    .append(ms(r, x -> x.e().brier(), 4))
                    .append(" | ")
                    .append(ms(r, x -> x.e().auroc(), 4))
                    .append(" | ")
                    .append(ms(r, ResultRow::trainSeconds, 1))
                    .append(" |\n");
        }
        return s.toString();
    }

    private static String goals(Map<String, List<ResultRow>> by, Map<String, Method> methods) {
        StringBuilder s = new StringBuilder();
        List<ResultRow> ens = by.get("deep-ensemble");
        if (ens != null) {
            double cost = mean(ens, ResultRow::trainSeconds);
            List<String> match = new ArrayList<>();
            for (var e : by.entrySet()) {
                Method m = methods.get(e.getKey());
                List<ResultRow> r = e.getValue();
                if (!m.singleModel()) {
                    continue;
                }
                double nllErr = Math.hypot(se(r, x -> x.e().nll()), se(ens, x -> x.e().nll()));
                double aucErr = Math.hypot(se(r, x -> x.e().auroc()), se(ens, x -> x.e().auroc()));
                boolean nll = mean(r, x -> x.e().nll()) <= mean(ens, x -> x.e().nll()) + nllErr;
                boolean auc = mean(r, x -> x.e().auroc()) >= mean(ens, x -> x.e().auroc()) - aucErr;
                boolean cheap = mean(r, ResultRow::trainSeconds) <= cost / 3;
                if (nll && auc && cheap) {
                    match.add(m.label());
                }
            }
            s.append("Goal 1 (a single-model method matches the 5-member ensemble on NLL and OOD")
                    .append(" AUROC at <= 1/3 of its training time): ")
                    .append(match.isEmpty() ? "not met" : "met by " + String.join(", ", match))
                    .append(".\n\n");
        }
        List<ResultRow> map = by.get("map");
        if (map != null) {
            List<String> fail = new ArrayList<>();
            for (var e : by.entrySet()) {
                Method m = methods.get(e.getKey());
                List<ResultRow> r = e.getValue();
                if (m.bayesian()
                        && !(mean(r, x -> x.e().ece()) < mean(map, x -> x.e().ece())
                                && mean(r, x -> x.e().nll()) < mean(map, x -> x.e().nll()))) {
                    fail.add(m.label());
                }
            }
            s.append("Goal 2 (every Bayesian method beats MAP on both ECE and NLL): ")
                    .append(fail.isEmpty() ? "met" : "not met by " + String.join(", ", fail))
                    .append(".\n");
        }
        return s.toString();
    }

    private static String ms(List<ResultRow> r, ToDoubleFunction<ResultRow> f, int digits) {
        String fmt = "%." + digits + "f";
        return String.format(Locale.ROOT, fmt + " ± " + fmt, mean(r, f), se(r, f));
    }

    static double mean(List<ResultRow> r, ToDoubleFunction<ResultRow> f) {
        return r.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** The standard error of the mean (0 for one row). */
    static double se(List<ResultRow> r, ToDoubleFunction<ResultRow> f) {
        int n = r.size();
        if (n < 2) {
            return 0;
        }
        double m = mean(r, f);
        double ss = r.stream().mapToDouble(f).map(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(ss / (n - 1) / n);
    }
}
