package dev.credence.plot.report;

import dev.credence.api.infer.Draws;
import dev.credence.api.infer.diagnostics.Checks;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.io.AtomicFiles;
import dev.credence.io.RunRecord;
import dev.credence.plot.Figure;
import dev.credence.plot.mcmc.EnergyFigure;
import dev.credence.plot.mcmc.McmcFigures;
import dev.credence.plot.mcmc.PairFigure;
import dev.credence.plot.vi.ElboFigure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run report: one self-contained HTML page per run folder ({@value RunContent#REPORT}), with
 * everything inlined (styles, and figures as PNG data URIs), so that it can be mailed or archived
 * alone and opened without a network.
 *
 * <p>It shows, for what the folder holds: the warnings of {@link Checks} (R-hat, ESS, divergences,
 * E-BFMI) at the top; a summary table with R-hat and ESS cells coloured green, amber or red; MCMC
 * trace, rank, pair, energy and autocorrelation figures; the ELBO curve of a run with per-epoch
 * metrics; the pictures the run wrote; and its run records and manifest.
 *
 * <pre>{@code
 * Path page = RunReport.write(Path.of("runs/eight-schools"));
 * }</pre>
 */
public final class RunReport {
    /** Figures show at most this many parameters (the first ones). */
    static final int SHOWN = 6;

    private static final String STYLE =
            "body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1180px;color:#222}"
                    + "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}"
                    + "table{border-collapse:collapse;font-size:13px}"
                    + "td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}"
                    + "td:first-child,th:first-child{text-align:left}"
                    + ".good{background:#e3f4e1}.warn{background:#fff1c2}.bad{background:#fbd5d5}"
                    + ".warnings{background:#fff4f4;border-left:4px solid #d50000;padding:8px 16px}"
                    + ".ok{background:#f0faf0;border-left:4px solid #2e7d32;padding:8px 16px}"
                    + "figure{margin:12px 0}img{max-width:100%;border:1px solid #eee}"
                    + "figcaption{font-size:12px;color:#666}code{font-size:12px}";

    private RunReport() {}

    /**
     * Writes the report of a run folder into it, atomically.
     *
     * @param dir the run folder
     * @return the page
     * @throws IOException if the folder cannot be read or the page cannot be written
     */
    public static Path write(Path dir) throws IOException {
        Path page = dir.resolve(RunContent.REPORT);
        AtomicFiles.writeString(page, html(RunContent.read(dir)));
        return page;
    }

    /**
     * Writes the report's figures as separate files, {@code NAME.png} and {@code NAME.svg} each
     * ({@code trace}, {@code rank}, {@code pairs}, {@code energy}, {@code autocorrelation}, {@code
     * elbo}: those the folder has data for), for papers and slides.
     *
     * @param dir the run folder
     * @param target the folder to write them in (created if needed)
     * @return the files written, PNG before SVG
     * @throws IOException if the run folder cannot be read or a file cannot be written
     */
    public static List<Path> writeFigures(Path dir, Path target) throws IOException {
        Map<String, Figure> figures = new LinkedHashMap<>();
        render(RunContent.read(dir), figures);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            files.addAll(e.getValue().write(target, e.getKey()));
        }
        return files;
    }

    /**
     * Renders the page.
     *
     * @param c what the folder holds
     * @return the HTML text
     */
    public static String html(RunContent c) {
        return render(c, new LinkedHashMap<>());
    }

    private static String render(RunContent c, Map<String, Figure> figures) {
        Html h = new Html();
        String title = "Credence " + c.command() + ": " + c.dir().getFileName();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .text(title)
                .raw("</title><style>" + STYLE + "</style></head><body>\n")
                .element("h1", null, title);
        if (c.manifest().get("state") instanceof String state && !state.equals("running")) {
            h.element("p", null, "state: " + state);
        }
        List<String> warnings = new ArrayList<>();
        if (c.draws() != null) {
            Draws d = c.draws();
            warnings.addAll(Checks.mcmc(d.summary(), d.chains(), d.divergences(), d.ebfmi()));
        }
        warnings.addAll(metricWarnings(c));
        warnings(h, warnings, c);
        if (c.draws() != null) {
            mcmc(h, c.draws(), figures);
        }
        if (!c.metrics().isEmpty()) {
            elbo(h, c, figures);
        }
        if (!c.scores().isEmpty()) {
            h.element("h2", null, "Scores");
            h.raw("<table>");
            c.scores().forEach((k, v) -> row(h, k, v));
            h.raw("</table>\n");
        }
        for (Path p : c.pictures()) {
            h.element("h2", null, p.getFileName());
            try {
                h.figure(Files.readAllBytes(p), p.getFileName().toString());
            } catch (IOException e) {
                h.element("p", "bad", "cannot read " + p.getFileName() + ": " + e.getMessage());
            }
        }
        records(h, c);
        return h.raw("</body></html>\n").toString();
    }

    private static void warnings(Html h, List<String> warnings, RunContent c) {
        if (warnings.isEmpty()) {
            h.raw("<div class=\"ok\">")
                    .text(
                            c.draws() == null && c.metrics().isEmpty()
                                    ? "No diagnostics to check in this run."
                                    : "All diagnostic checks passed.")
                    .raw("</div>\n");
            return;
        }
        h.raw("<div class=\"warnings\"><strong>Warnings</strong><ul>");
        for (String w : warnings) {
            h.element("li", null, w);
        }
        h.raw("</ul></div>\n");
    }

    private static void mcmc(Html h, Draws d, Map<String, Figure> figures) {
        List<ParameterSummary> rows = d.summary();
        h.element(
                "h2",
                null,
                "Summary (" + d.chains() + " chains x " + d.drawsPerChain() + " draws)");
        h.raw("<table><tr><th>parameter</th><th>mean</th><th>sd</th><th>5%</th><th>50%</th>")
                .raw(
                        "<th>95%</th><th>mcse</th><th>ess_bulk</th><th>ess_tail</th><th>r_hat</th></tr>\n");
        double essLimit = Checks.ESS_PER_CHAIN * (double) d.chains();
        for (ParameterSummary s : rows) {
            h.raw("<tr>").element("td", null, s.name());
            for (double v : new double[] {s.mean(), s.sd(), s.q5(), s.q50(), s.q95()}) {
                h.element("td", null, fmt("%.3f", v));
            }
            h.element("td", null, fmt("%.4f", s.mcseMean()));
            h.element("td", essClass(s.essBulk(), essLimit), fmt("%.0f", s.essBulk()));
            h.element("td", essClass(s.essTail(), essLimit), fmt("%.0f", s.essTail()));
            h.element("td", rhatClass(s.rhat()), fmt("%.3f", s.rhat())).raw("</tr>\n");
        }
        h.raw("</table>\n");
        h.element("p", null, "divergent transitions: " + d.divergences());
        List<String> names = d.parameterNames();
        List<String> shown = names.subList(0, Math.min(SHOWN, names.size()));
        Figure trace = McmcFigures.trace(d, shown);
        section(h, "Trace", trace, "each chain's draws by iteration", figures, "trace");
        Figure rank = McmcFigures.rank(d, shown, 20);
        section(h, "Rank histograms", rank, "flat when the chains mixed", figures, "rank");
        if (names.size() >= 2) {
            List<String> pair = names.subList(0, Math.min(3, names.size()));
            Figure pairs = PairFigure.of(d, pair);
            section(h, "Pairs", pairs, "divergent transitions in red", figures, "pairs");
        }
        Figure energy = EnergyFigure.of(d, 30);
        if (energy != null) {
            String caption = "marginal energy against energy transitions; E-BFMI";
            section(h, "Energy", energy, caption, figures, "energy");
        }
        Figure acf = McmcFigures.autocorrelation(d, shown, 40);
        String caption = "each chain's autocorrelation by lag";
        section(h, "Autocorrelation", acf, caption, figures, "autocorrelation");
    }

    private static void elbo(Html h, RunContent c, Map<String, Figure> figures) {
        if (c.isSviTrace()) {
            sviElbo(h, c, figures);
            return;
        }
        double[] epoch = c.metric("epoch");
        double[] train = c.metric("train_loss");
        double[] elbo = new double[train.length];
        for (int i = 0; i < elbo.length; i++) {
            elbo[i] = -train[i];
            epoch[i] = Double.isNaN(epoch[i]) ? i + 1 : epoch[i];
        }
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (String k : List.of("test_loss", "test_log_likelihood", "test_kl")) {
            double[] v = c.metric(k);
            if (java.util.Arrays.stream(v).anyMatch(Double::isFinite)) {
                parts.put(k.replace('_', ' '), v);
            }
        }
        Figure f = ElboFigure.of(epoch, elbo, "epoch", parts);
        section(h, "ELBO", f, "per example, by epoch", figures, "elbo");
    }

    /** The ELBO estimates an SVI run reported by optimisation step, and their two parts. */
    private static void sviElbo(Html h, RunContent c, Map<String, Figure> figures) {
        double[] step = c.metric("step");
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (String k : List.of("log_likelihood", "kl")) {
            double[] v = c.metric(k);
            if (java.util.Arrays.stream(v).anyMatch(Double::isFinite)) {
                parts.put(k.equals("kl") ? "KL" : "expected log-likelihood", v);
            }
        }
        Figure f = ElboFigure.of(step, c.metric("elbo"), "step", parts);
        section(h, "ELBO", f, "the SVI estimate, by optimisation step", figures, "elbo");
    }

    private static List<String> metricWarnings(RunContent c) {
        List<String> out = new ArrayList<>();
        if (c.isSviTrace()) {
            double[] step = c.metric("step");
            double[] elbo = c.metric("elbo");
            for (int i = 0; i < elbo.length; i++) {
                if (!Double.isFinite(elbo[i])) {
                    out.add("the ELBO estimate at step " + (long) step[i] + " is not finite");
                }
            }
            return out;
        }
        double[] train = c.metric("train_loss");
        for (int i = 0; i < train.length; i++) {
            if (!Double.isFinite(train[i])) {
                out.add("the training loss of epoch " + (i + 1) + " is not finite");
            }
        }
        return out;
    }

    private static void section(
            Html h,
            String title,
            Figure f,
            String caption,
            Map<String, Figure> figures,
            String name) {
        h.element("h2", null, title).figure(f.png(), caption);
        figures.put(name, f);
    }

    private static void records(Html h, RunContent c) {
        for (Map.Entry<String, RunRecord> e : c.records().entrySet()) {
            RunRecord r = e.getValue();
            h.element("h2", null, "Run record of " + e.getKey());
            h.raw("<table>");
            row(h, "library version", r.libraryVersion());
            row(h, "backend", r.backend());
            row(h, "algorithm", r.algorithm());
            row(h, "seed", r.seed());
            row(h, "data hash", r.dataHash());
            row(h, "start", r.start());
            row(h, "end", r.end());
            row(h, "java", r.javaVersion() + " (" + r.javaVendor() + ")");
            row(h, "os", r.os());
            r.config().forEach((k, v) -> row(h, "config " + k, v));
            h.raw("</table>\n");
        }
        if (c.manifest().get("files") instanceof List<?> files) {
            h.element("h2", null, "Files");
            h.raw("<ul>");
            files.forEach(f -> h.raw("<li><code>").text(f).raw("</code></li>"));
            h.raw("</ul>\n");
        }
    }

    private static void row(Html h, String key, Object value) {
        h.raw("<tr>").element("td", null, key).element("td", null, value).raw("</tr>");
    }

    static String rhatClass(double rhat) {
        if (rhat <= Checks.RHAT_LIMIT) {
            return "good";
        }
        return rhat <= 1.05 ? "warn" : "bad";
    }

    static String essClass(double ess, double limit) {
        if (ess >= 4 * limit) {
            return "good";
        }
        return ess >= limit ? "warn" : "bad";
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
