package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.data.Dataset;
import dev.credence.api.infer.Inferences;
import dev.credence.api.nn.Activation;
import dev.credence.models.bnn.fit.BnnWorkflow;
import dev.credence.models.bnn.fit.FitOptions;
import dev.credence.models.bnn.fit.NetworkSpec;
import dev.credence.models.bnn.fit.PredictionTable;
import dev.credence.models.bnn.fit.SavedNetwork;
import dev.credence.models.bnn.layer.WeightPrior;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credence bnn fit|predict}: a Bayesian neural network on a CSV file, fitted by NUTS, SVI
 * (Bayes by Backprop), MAP, MC dropout or a deep ensemble; predictions with intervals, metrics, and
 * an uncertainty plot for one input feature.
 */
@Command(
        name = "bnn",
        mixinStandardHelpOptions = true,
        description = "Fit a Bayesian neural network to a CSV file, or predict with a fitted one.")
public final class BnnCommand implements Callable<Integer> {
    private final Backends backends;
    private final Inferences inferences;

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "fit or predict")
    String action;

    @Option(names = "--data", required = true, description = "CSV file with a header row.")
    Path data;

    @Option(
            names = "--target",
            description = "Target column (fit: required; predict: optional, for metrics).")
    String target;

    @Option(
            names = "--task",
            defaultValue = "regression",
            description = "regression or classification (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(
            names = "--inference",
            defaultValue = "svi",
            description = "nuts, svi, map, mcdropout or ensemble (default: ${DEFAULT-VALUE}).")
    String inference;

    @Option(
            names = "--hidden",
            defaultValue = "50",
            split = ",",
            description = "Hidden widths, e.g. 50 or 32,32 (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(
            names = "--activation",
            defaultValue = "relu",
            description = "relu or tanh (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(
            names = "--noise",
            defaultValue = "homoscedastic",
            description = "Regression noise: homoscedastic or heteroscedastic.")
    String noise;

    @Option(
            names = "--prior",
            defaultValue = "normal:1",
            description =
                    "Weight prior: normal:S, fanin:S, learned:S or mixture:PI:S1:S2 (default: ${DEFAULT-VALUE}).")
    String prior;

    @Option(names = "--chains", description = "NUTS chains.")
    Integer chains;

    @Option(
            names = "--draws",
            defaultValue = "100",
            description = "Posterior weight draws kept (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(
            names = "--opt",
            description = "Extra option of the inference method, key=value (repeatable).")
    Map<String, String> extra = new LinkedHashMap<>();

    @Option(names = "--model", description = "predict: the fitted network (net.ckpt).")
    Path model;

    @Option(
            names = "--level",
            defaultValue = "0.9",
            description = "Credible level of intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--backend",
            defaultValue = "jvm",
            description = "Backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--output", description = "Output folder (default: runs/bnn-<time>).")
    Path output;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    /**
     * Creates the command.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     */
    @Inject
    public BnnCommand(Backends backends, Inferences inferences) {
        this.backends = backends;
        this.inferences = inferences;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(data)) {
            throw new FileNotFoundException("no data file " + data);
        }
        Backend b = backends.select(backend);
        BnnWorkflow w = new BnnWorkflow(inferences, b, null);
        return switch (action) {
            case "fit" -> fit(w, b);
            case "predict" -> predict(w, b);
            default ->
                    throw new IllegalArgumentException(
                            "bnn: the action must be fit or predict, found '" + action + "'");
        };
    }

    private int fit(BnnWorkflow w, Backend b) throws IOException {
        if (target == null) {
            throw new IllegalArgumentException("bnn fit: --target names the column to predict");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean classify =
                switch (task) {
                    case "regression" -> false;
                    case "classification" -> true;
                    default ->
                            throw new IllegalArgumentException(
                                    "--task must be regression or classification, found '"
                                            + task
                                            + "'");
                };
        Dataset train = BnnWorkflow.readCsv(data, target);
        NetworkSpec net =
                new NetworkSpec(
                        hidden,
                        activation(activation),
                        classify ? "categorical" : noise,
                        WeightPrior.parse(prior));
        Map<String, String> options = new LinkedHashMap<>(extra);
        if (chains != null) {
            options.put("chains", chains.toString());
        }
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        SavedNetwork fitted = w.fit(train, net, FitOptions.of(inference, options), seed, draws);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path dir = RunOutput.folder(output, "bnn");
        Path file = dir.resolve("net.ckpt");
        Map<String, Object> config = new LinkedHashMap<>(options);
        config.put("inference", inference);
        config.put("network", net.toString());
        fitted.save(
                file,
                RunOutput.record(
                        b.name(), inference, config, seed, "file:" + data.getFileName(), start));
        PredictionTable t = w.predict(fitted, train, level, draws, seed);
        out.printf(
                Locale.ROOT,
                "fitted %s by %s on %d rows in %.1f s%n",
                net,
                inference,
                train.size(),
                seconds);
        out.println("training-set metrics: " + t.metricsLine());
        out.println("wrote:\n  " + file);
        if (fitted.inputs() == 1 && !classify) {
            Path png = dir.resolve("uncertainty.png");
            w.plot(fitted, train, png, draws, seed);
            out.println("  " + png);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int predict(BnnWorkflow w, Backend b) throws IOException {
        if (model == null || !Files.isRegularFile(model)) {
            throw new FileNotFoundException(
                    "bnn predict: --model must name a fitted network file (net.ckpt), found "
                            + model);
        }
        PrintWriter out = spec.commandLine().getOut();
        SavedNetwork net = SavedNetwork.load(model, b);
        Dataset d = BnnWorkflow.readCsv(data, target);
        PredictionTable t = w.predict(net, d, level, draws, seed);
        Path dir = RunOutput.folder(output, "bnn-predict");
        Path csv = dir.resolve("predictions.csv");
        t.writeCsv(csv);
        List<Path> files = new java.util.ArrayList<>(List.of(csv));
        if (t.classification() != null) {
            Path png = dir.resolve("reliability.png");
            BnnWorkflow.reliabilityPlot(t, png);
            files.add(png);
        }
        RunOutput.record(
                        b.name(),
                        "predict",
                        Map.of("model", model.toString(), "level", level),
                        seed,
                        "file:" + data.getFileName(),
                        Instant.now())
                .writeBeside(csv);
        if (t.regression() != null || t.classification() != null) {
            out.println("metrics: " + t.metricsLine());
        }
        out.println("wrote:");
        files.forEach(f -> out.println("  " + f));
        out.flush();
        return ExitCodes.OK;
    }

    private static Activation activation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "softplus" -> Activation.SOFTPLUS;
            default ->
                    throw new IllegalArgumentException(
                            "--activation must be relu, tanh, sigmoid or softplus, found '"
                                    + name
                                    + "'");
        };
    }
}
