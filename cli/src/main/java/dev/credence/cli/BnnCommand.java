package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.api.nn.Activation;
import dev.credence.cli.check.Bounds;
import dev.credence.cli.check.Footprints;
import dev.credence.cli.check.MemoryBudget;
import dev.credence.cli.folder.FolderMode;
import dev.credence.cli.folder.RunFolder;
import dev.credence.io.Sha256;
import dev.credence.io.data.MissingValues;
import dev.credence.models.bnn.fit.BnnWorkflow;
import dev.credence.models.bnn.fit.FitOptions;
import dev.credence.models.bnn.fit.NetworkSpec;
import dev.credence.models.bnn.fit.SavedNetwork;
import dev.credence.models.bnn.fit.TableInput;
import dev.credence.models.bnn.layer.WeightPrior;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
    private final RunFolders folders;

    @Spec CommandSpec spec;

    @Mixin RunOptions common;
    @Mixin OutputOptions outputs;
    @Mixin VerboseOption verbose;

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
            names = "--missing",
            defaultValue = "error",
            description =
                    "Cells that are empty, NaN or infinite: error (name the line and column) or"
                            + " drop (fit only: skip those rows and report them); default:"
                            + " ${DEFAULT-VALUE}.")
    String missing;

    /**
     * Creates the command.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     * @param folders the output folders of this invocation
     */
    @Inject
    public BnnCommand(Backends backends, Inferences inferences, RunFolders folders) {
        this.backends = backends;
        this.inferences = inferences;
        this.folders = folders;
    }

    @Override
    public Integer call() throws IOException {
        Bounds.oneOf("bnn: the action", action, "fit", "predict");
        Bounds.count("--draws", draws, 1, Bounds.MAX_DRAWS);
        Bounds.probability("--level", level);
        Bounds.oneOf("--missing", missing, "error", "drop");
        if (!Files.isRegularFile(data)) {
            throw new FileNotFoundException(
                    "no data file " + data + (Files.isDirectory(data) ? " (it is a folder)" : ""));
        }
        Backend b = BackendChoice.select(backends, common.backend);
        RunProgress progress = new RunProgress(spec.commandLine().getErr());
        BnnWorkflow w = new BnnWorkflow(inferences, b, progress);
        try (progress) {
            return action.equals("fit") ? fit(w, b, progress) : predict(w, b, progress);
        }
    }

    private int fit(BnnWorkflow w, Backend b, RunProgress progress) throws IOException {
        if (target == null) {
            throw CommandFailure.usage("bnn fit: --target names the column to predict");
        }
        boolean classify =
                Bounds.oneOf("--task", task, "regression", "classification")
                        .equals("classification");
        for (int h : hidden) {
            Bounds.count("--hidden", h, 1, Integer.MAX_VALUE);
        }
        Map<String, String> options = new LinkedHashMap<>(extra);
        if (chains != null) {
            options.put("chains", chains.toString());
        }
        FitOptions fitOptions = FitOptions.of(inference, options);
        NetworkSpec net =
                new NetworkSpec(
                        hidden,
                        activation(activation),
                        classify ? "categorical" : noise,
                        WeightPrior.parse(prior));
        TableInput train =
                TableInput.read(
                        data,
                        target,
                        true,
                        missing.equals("drop") ? MissingValues.DROP_ROWS : MissingValues.REJECT);
        BnnWorkflow.requireFittable(train, net);
        double weights = Footprints.mlpWeights(train.features().size(), hidden, classify ? 16 : 2);
        MemoryBudget.ofThisJvm()
                .require(
                        Footprints.bnn(
                                weights,
                                fitOptions.method(),
                                train.data().size(),
                                Arrays.stream(hidden).max().orElse(1),
                                draws,
                                fitOptions.chains(),
                                fitOptions.nutsSamples()),
                        "--hidden, --draws",
                        "use fewer or narrower hidden layers, or fewer draws");
        RunFolder folder =
                folders.claim(
                        new RunFolder.Request(
                                outputs.output,
                                "bnn fit",
                                "bnn",
                                outputs.force ? FolderMode.REPLACE : FolderMode.CREATE,
                                null,
                                false,
                                Footprints.checkpointDisk(weights, 8, draws + 2)));
        Map<String, Object> config = new LinkedHashMap<>(fitOptions.values());
        config.put("inference", fitOptions.method());
        config.put("network", net.toString());
        config.put("target", target);
        config.put("draws", draws);
        String dataHash = Sha256.ofFile(data);
        Map<String, Object> identity = new LinkedHashMap<>(config);
        identity.put("data", dataHash);
        identity.put("seed", common.seed);
        folder.begin(identity);
        return new BnnRuns(spec.commandLine().getOut(), spec.commandLine().getErr(), w, progress)
                .fit(
                        train,
                        net,
                        fitOptions,
                        common.seed,
                        draws,
                        level,
                        folder,
                        b,
                        config,
                        dataHash);
    }

    private int predict(BnnWorkflow w, Backend b, RunProgress progress) throws IOException {
        if (model == null) {
            throw CommandFailure.usage(
                    "bnn predict: --model must name a fitted network file (net.ckpt)");
        }
        if (!Files.isRegularFile(model)) {
            throw new FileNotFoundException(
                    "bnn predict: no fitted network "
                            + model
                            + " (give the net.ckpt of a bnn fit)");
        }
        if (missing.equals("drop")) {
            throw CommandFailure.usage(
                    "bnn predict: --missing drop would leave rows without a prediction; fill in or"
                            + " remove the missing values");
        }
        SavedNetwork net = SavedNetwork.load(model, b);
        String wanted = target != null ? target : net.target();
        TableInput table = TableInput.read(data, wanted, target != null, MissingValues.REJECT);
        RunFolder folder =
                folders.claim(
                        new RunFolder.Request(
                                outputs.output,
                                "bnn predict",
                                "bnn-predict",
                                outputs.force ? FolderMode.REPLACE : FolderMode.CREATE,
                                null,
                                false,
                                40L * table.data().size() * 12 + (1 << 22)));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("model", Sha256.ofFile(model));
        identity.put("data", Sha256.ofFile(data));
        identity.put("level", level);
        identity.put("seed", common.seed);
        folder.begin(identity);
        return new BnnRuns(spec.commandLine().getOut(), spec.commandLine().getErr(), w, progress)
                .predict(net, table, model, level, draws, common.seed, folder, b);
    }

    private static Activation activation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "softplus" -> Activation.SOFTPLUS;
            default ->
                    throw CommandFailure.usage(
                            "--activation must be relu, tanh, sigmoid or softplus, found '"
                                    + name
                                    + "'");
        };
    }
}
