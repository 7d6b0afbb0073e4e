package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import dev.credence.cli.check.Bounds;
import dev.credence.cli.check.Footprints;
import dev.credence.cli.check.MemoryBudget;
import dev.credence.cli.folder.FolderMode;
import dev.credence.cli.folder.RunFolder;
import dev.credence.io.RunRecord;
import dev.credence.io.stan.StanCsv;
import dev.credence.io.stan.StanExport;
import dev.credence.io.stan.StanRun;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credence sample MODEL}: MCMC on a built-in example model, with a Stan-style summary, Stan
 * CSV files (one per chain) and a run record beside each output.
 */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description =
                "Sample a built-in example model by NUTS or HMC; writes Stan CSV and a summary.")
public final class SampleCommand implements Callable<Integer> {
    private final Backends backends;
    private final Inferences inferences;
    private final RunFolders folders;

    @Spec CommandSpec spec;

    @Mixin RunOptions common;
    @Mixin OutputOptions outputs;
    @Mixin VerboseOption verbose;

    @Parameters(
            index = "0",
            description = "Model: ${COMPLETION-CANDIDATES}",
            completionCandidates = ModelNames.class)
    String model;

    @Option(
            names = "--algorithm",
            defaultValue = "nuts",
            description = "nuts or hmc (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(
            names = "--chains",
            defaultValue = "4",
            description = "Chains (default: ${DEFAULT-VALUE}).")
    int chains;

    @Option(
            names = "--warmup",
            defaultValue = "1000",
            description = "Warm-up iterations per chain (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--samples",
            defaultValue = "1000",
            description = "Draws per chain (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--adapt-delta",
            defaultValue = "0.8",
            description = "Target acceptance (default: ${DEFAULT-VALUE}).")
    double adaptDelta;

    @Option(names = "--dense-metric", description = "Adapt a dense metric.")
    boolean dense;

    /** Completion candidates for the model parameter. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ExampleModels.NAMES.iterator();
        }
    }

    /**
     * Creates the command.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     * @param folders the output folders of this invocation
     */
    @Inject
    public SampleCommand(Backends backends, Inferences inferences, RunFolders folders) {
        this.backends = backends;
        this.inferences = inferences;
        this.folders = folders;
    }

    @Override
    public Integer call() throws IOException {
        Bounds.oneOf("--algorithm", algorithm, "nuts", "hmc");
        Bounds.count("--chains", chains, 1, Bounds.MAX_CHAINS);
        Bounds.count("--warmup", warmup, 0, Bounds.MAX_WARMUP);
        Bounds.count("--samples", samples, 1, Integer.MAX_VALUE);
        Bounds.probability("--adapt-delta", adaptDelta);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend b = BackendChoice.select(backends, common.backend);
        var m = ExampleModels.build(model, b, common.seed);
        int dims = Potential.of(m, RandomKey.of(common.seed)).dimension();
        int stats = Draws.SAMPLER_STATS.size();
        MemoryBudget.ofThisJvm()
                .require(
                        Footprints.mcmc(chains, samples, dims, stats),
                        "--chains, --samples",
                        "ask for fewer chains or draws");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("chains", chains);
        options.put("num-warmup", warmup);
        options.put("num-samples", samples);
        options.put("adapt-delta", adaptDelta);
        options.put("dense-metric", dense);
        RunFolder folder =
                folders.claim(
                        new RunFolder.Request(
                                outputs.output,
                                "sample",
                                "sample-" + model,
                                outputs.force ? FolderMode.REPLACE : FolderMode.CREATE,
                                null,
                                false,
                                Footprints.mcmcDisk(chains, samples, dims, stats)));
        Map<String, Object> identity = new LinkedHashMap<>(options);
        identity.put("model", model);
        identity.put("algorithm", algorithm);
        identity.put("seed", common.seed);
        folder.begin(identity);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Posterior post;
        try (RunProgress progress = new RunProgress(err)) {
            post =
                    inferences
                            .create(
                                    algorithm,
                                    new InferenceConfig(
                                            options, RandomKey.of(common.seed), progress))
                            .fit(m);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Draws draws = ((DrawsPosterior) post).draws();
        out.printf(
                Locale.ROOT,
                "%s on %s: %d chains x %d draws in %.2f s (backend %s)%n%n",
                algorithm.toUpperCase(Locale.ROOT),
                model,
                chains,
                samples,
                seconds,
                b.name());
        var summary = post.summary();
        SummaryTable.print(out, summary);
        out.printf(Locale.ROOT, "%ndivergent transitions: %d", draws.divergences());
        double[] ebfmi = draws.ebfmi();
        if (ebfmi.length > 0) {
            out.print("; E-BFMI per chain:");
            for (double e : ebfmi) {
                out.printf(Locale.ROOT, " %.2f", e);
            }
        }
        out.println();
        out.flush();
        RunOutput.warnings(err, draws);
        Path dir = folder.dir();
        RunRecord record =
                RunOutput.record(b, algorithm, options, common.seed, "builtin:" + model, start);
        List<Path> files =
                StanCsv.writeChains(
                        dir,
                        model,
                        StanExport.chains(
                                draws,
                                new StanRun(model, common.seed, warmup, 10, adaptDelta),
                                seconds),
                        record);
        Path summaryFile = dir.resolve("summary.csv");
        SummaryTable.writeCsv(summaryFile, summary);
        record.writeBeside(summaryFile);
        out.println("\nwrote:");
        for (Path f : files) {
            out.println("  " + f);
        }
        out.println("  " + summaryFile);
        out.println("  " + RunOutput.report(dir));
        out.flush();
        folder.finish();
        return ExitCode.OK.code();
    }
}
