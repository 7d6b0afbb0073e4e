package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Sbc;
import dev.credence.api.random.RandomKey;
import dev.credence.cli.check.Bounds;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credence sbc}: simulation-based calibration of an inference algorithm on a model family.
 * Exits 0 when every parameter's rank histogram passes the chi-squared test at p > 0.001, and
 * {@link ExitCode#CALIBRATION_FAILED} otherwise.
 */
@Command(
        name = "sbc",
        mixinStandardHelpOptions = true,
        description = "Check an inference algorithm by simulation-based calibration.")
public final class SbcCommand implements Callable<Integer> {
    private final Backends backends;
    private final Inferences inferences;

    @Spec CommandSpec spec;

    @Mixin RunOptions common;
    @Mixin VerboseOption verbose;

    @Option(
            names = "--family",
            defaultValue = "normal",
            description = "normal or hierarchical (default: ${DEFAULT-VALUE}).")
    String family;

    @Option(
            names = "--algorithm",
            defaultValue = "nuts",
            description = "Inference algorithm (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(
            names = "--replications",
            defaultValue = "100",
            description = "Replications (default: ${DEFAULT-VALUE}).")
    int replications;

    /**
     * Creates the command.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     */
    @Inject
    public SbcCommand(Backends backends, Inferences inferences) {
        this.backends = backends;
        this.inferences = inferences;
    }

    @Override
    public Integer call() {
        Bounds.count("--replications", replications, 10, Bounds.MAX_REPLICATIONS);
        PrintWriter out = spec.commandLine().getOut();
        Backend b = BackendChoice.select(backends, common.backend);
        Sbc.Family f = SbcFamilies.of(family, b);
        Map<String, Object> options =
                algorithm.equals("nuts") || algorithm.equals("hmc")
                        ? Map.of("chains", 1, "num-warmup", 300, "num-samples", 300, "threads", 1)
                        : Map.of();
        var inference =
                inferences.create(
                        algorithm, InferenceConfig.of(options, RandomKey.of(common.seed), null));
        long t0 = System.nanoTime();
        Sbc.Result r =
                Sbc.run(f, inference, replications, 99, 10, RandomKey.of(common.seed).fold(1));
        out.printf(
                Locale.ROOT,
                "SBC of %s on the %s family: %d replications, 99 draws each, 10 bins (%.1f s)%n",
                algorithm,
                family,
                replications,
                (System.nanoTime() - t0) / 1e9);
        boolean ok = true;
        for (var e : r.histograms().entrySet()) {
            double p = r.pValues().get(e.getKey());
            ok &= p > 0.001;
            out.printf(
                    Locale.ROOT,
                    "%-8s ranks %s  chi-squared p = %.4f%n",
                    e.getKey(),
                    Sbc.format(e.getValue()),
                    p);
        }
        out.println(ok ? "calibrated: every p > 0.001" : "NOT calibrated: some p <= 0.001");
        out.flush();
        if (!ok) {
            List<String> failed = new ArrayList<>();
            r.pValues()
                    .forEach(
                            (k, p) -> {
                                if (!(p > 0.001)) {
                                    failed.add(k);
                                }
                            });
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "credence: calibration failed: the rank histograms of "
                            + failed
                            + " are not uniform (chi-squared p <= 0.001); "
                            + algorithm
                            + " is miscalibrated on the "
                            + family
                            + " family");
            err.flush();
        }
        return (ok ? ExitCode.OK : ExitCode.CALIBRATION_FAILED).code();
    }
}
