package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Draws;
import dev.credence.cli.folder.RunFolder;
import dev.credence.io.RunRecord;
import dev.credence.io.stan.StanCsv;
import dev.credence.io.stan.StanExport;
import dev.credence.io.stan.StanRun;
import dev.credence.models.bnn.fit.BnnWorkflow;
import dev.credence.models.bnn.fit.FitOptions;
import dev.credence.models.bnn.fit.NetworkSpec;
import dev.credence.models.bnn.fit.PredictionTable;
import dev.credence.models.bnn.fit.SavedNetwork;
import dev.credence.models.bnn.fit.TableInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The work of {@code bnn fit} and {@code bnn predict} once their inputs are checked and their
 * folder is claimed: run the workflow, write the files with their run records, print the report,
 * and mark the folder finished.
 */
final class BnnRuns {
    private final PrintWriter out;
    private final PrintWriter err;
    private final BnnWorkflow workflow;
    private final RunProgress progress;

    BnnRuns(PrintWriter out, PrintWriter err, BnnWorkflow workflow, RunProgress progress) {
        this.out = out;
        this.err = err;
        this.workflow = workflow;
        this.progress = progress;
    }

    int fit(
            TableInput train,
            NetworkSpec net,
            FitOptions options,
            long seed,
            int draws,
            double level,
            RunFolder folder,
            Backend backend,
            Map<String, Object> config,
            String dataHash)
            throws IOException {
        List<Integer> dropped = train.dropped();
        if (!dropped.isEmpty()) {
            out.println(
                    "dropped "
                            + dropped.size()
                            + (dropped.size() == 1 ? " row" : " rows")
                            + " with missing values (--missing drop): "
                            + (dropped.size() == 1 ? "line " : "lines ")
                            + String.join(", ", dropped.stream().map(String::valueOf).toList()));
        }
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        BnnWorkflow.Fit fit;
        try (progress) {
            fit = workflow.fitWithDraws(train, net, options, seed, draws);
        }
        SavedNetwork fitted = fit.network();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path file = folder.dir().resolve("net.ckpt");
        RunRecord record =
                RunOutput.record(backend, options.method(), config, seed, dataHash, start);
        fitted.save(file, record);
        PredictionTable t = workflow.predict(fitted, train, level, draws, seed);
        out.printf(
                Locale.ROOT,
                "fitted %s by %s on %d rows in %.1f s%n",
                net,
                options.method(),
                train.data().size(),
                seconds);
        out.println("training-set metrics: " + t.metricsLine());
        List<Path> chains = List.of();
        if (fit.mcmc() != null) {
            Draws d = fit.mcmc();
            out.println(McmcDiagnostics.line(d));
            out.flush();
            RunOutput.warnings(err, d);
            chains =
                    StanCsv.writeChains(
                            folder.dir(),
                            "weights",
                            StanExport.chains(d, new StanRun("bnn", seed, 0, 10, 0.8), seconds),
                            record);
        }
        out.println("wrote:\n  " + file);
        chains.forEach(f -> out.println("  " + f));
        if (!progress.sviTrace().isEmpty()) {
            out.println("  " + RunOutput.sviTrace(folder.dir(), progress.sviTrace()));
        }
        if (fitted.inputs() == 1 && !net.isClassification()) {
            Path png = folder.dir().resolve("uncertainty.png");
            workflow.plot(fitted, train.data(), png, draws, seed);
            out.println("  " + png);
        }
        out.println("  " + RunOutput.report(folder.dir()));
        out.flush();
        folder.finish();
        return ExitCode.OK.code();
    }

    int predict(
            SavedNetwork net,
            TableInput table,
            Path model,
            double level,
            int draws,
            long seed,
            RunFolder folder,
            Backend backend)
            throws IOException {
        PredictionTable t = workflow.predict(net, table, level, draws, seed);
        Path csv = folder.dir().resolve("predictions.csv");
        t.writeCsv(csv);
        List<Path> files = new ArrayList<>(List.of(csv));
        if (t.classification() != null) {
            Path png = folder.dir().resolve("reliability.png");
            BnnWorkflow.reliabilityPlot(t, png);
            files.add(png);
        }
        RunOutput.record(
                        backend,
                        "predict",
                        Map.of("model", model.toString(), "level", level),
                        seed,
                        "file:" + table.source(),
                        Instant.now())
                .writeBeside(csv);
        if (t.regression() != null || t.classification() != null) {
            out.println("metrics: " + t.metricsLine());
        }
        out.println("wrote:");
        files.forEach(f -> out.println("  " + f));
        out.flush();
        folder.finish();
        return ExitCode.OK.code();
    }
}
