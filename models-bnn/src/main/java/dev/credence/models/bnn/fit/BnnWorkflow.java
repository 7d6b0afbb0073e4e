package dev.credence.models.bnn.fit;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.HostArray;
import dev.credence.io.data.CsvFormat;
import dev.credence.io.data.CsvReader;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.InvalidDataException;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.PosteriorPredictor;
import dev.credence.models.bnn.WeightSamples;
import dev.credence.models.bnn.data.Standardizer;
import dev.credence.models.bnn.laplace.LaplacePredictor;
import dev.credence.models.bnn.laplace.LaplaceSettings;
import dev.credence.models.bnn.metrics.ClassificationMetrics;
import dev.credence.models.bnn.metrics.RegressionMetrics;
import dev.credence.models.bnn.plot.ReliabilityPlot;
import dev.credence.models.bnn.plot.UncertaintyPlot;
import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.predict.ClassificationPrediction;
import dev.credence.models.bnn.predict.RegressionDraws;
import dev.credence.models.bnn.predict.RegressionPrediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole job on tables of data, as {@code credence bnn fit} and {@code credence bnn predict}
 * call it:
 *
 * <pre>{@code
 * BnnWorkflow w = new BnnWorkflow(Inferences.discover(), backend, listener);
 * Dataset train = BnnWorkflow.readCsv(Path.of("train.csv"), "y");
 * SavedNetwork net = w.fit(train, NetworkSpec.regression(), FitOptions.of("svi", Map.of()), 1, 200);
 * net.save(Path.of("net.ckpt"), record);
 * PredictionTable t = w.predict(SavedNetwork.load(file, backend), test, 0.95, 200, 2);
 * t.writeCsv(Path.of("pred.csv"));
 * w.plot(net, train, Path.of("band.png"));     // one input feature only
 * }</pre>
 *
 * Inputs are standardised with the training statistics and regression targets too; predictions,
 * intervals and metrics are reported in the original units.
 */
public final class BnnWorkflow {
    private final Inferences inferences;
    private final Backend backend;
    private final ProgressListener listener;

    /**
     * Creates the workflow.
     *
     * @param inferences the inference registry
     * @param backend the backend to compute on
     * @param listener progress receiver, or null
     */
    public BnnWorkflow(Inferences inferences, Backend backend, ProgressListener listener) {
        this.inferences = inferences;
        this.backend = backend;
        this.listener = listener;
    }

    /**
     * Reads a CSV file with a header line; the target column is named, or absent for prediction.
     *
     * @param file the file
     * @param target the target column's name, or null for none
     * @return the data set
     * @throws IOException if it cannot be read or parsed (the message names the cell)
     */
    public static Dataset readCsv(Path file, String target) throws IOException {
        CsvFormat f = CsvFormat.csv().withHeader(true);
        return CsvReader.read(file, target == null ? f.withoutTarget() : f.withTarget(target));
    }

    /**
     * Fits a network.
     *
     * @param train features and targets
     * @param spec the network
     * @param options the inference method and its options
     * @param seed the seed of the fit
     * @param draws the number of posterior weight draws to keep (Bayesian methods)
     * @return the fitted network, ready to save
     */
    public SavedNetwork fit(
            Dataset train, NetworkSpec spec, FitOptions options, long seed, int draws) {
        return fit(TableInput.of(train), spec, options, seed, draws);
    }

    /**
     * Fits a network to a table, whose column names it keeps for prediction and whose lines it
     * names in errors.
     *
     * @param table features and targets
     * @param spec the network
     * @param options the inference method and its options
     * @param seed the seed of the fit
     * @param draws the number of posterior weight draws to keep (Bayesian methods)
     * @return the fitted network, ready to save
     * @throws InvalidDataException for fewer than 2 rows, labels that are not class indices, or
     *     columns too large to standardise
     * @throws ArithmeticException if the fitted weights are not finite
     */
    public SavedNetwork fit(
            TableInput table, NetworkSpec spec, FitOptions options, long seed, int draws) {
        return fitWithDraws(table, spec, options, seed, draws).network();
    }

    /**
     * A fitted network with the MCMC draws of its weights when a sampler fitted it, for convergence
     * diagnostics.
     *
     * @param network the network, ready to save
     * @param mcmc the sampler's draws, or null for other methods
     */
    public record Fit(SavedNetwork network, Draws mcmc) {}

    /**
     * Fits as {@link #fit(TableInput, NetworkSpec, FitOptions, long, int)} does, and keeps the
     * sampler's draws.
     *
     * @param table features and targets
     * @param spec the network
     * @param options the inference method and its options
     * @param seed the seed of the fit
     * @param draws the number of posterior weight draws to keep (Bayesian methods)
     * @return the network and, for NUTS, its draws
     */
    public Fit fitWithDraws(
            TableInput table, NetworkSpec spec, FitOptions options, long seed, int draws) {
        requireSavablePredictive(options);
        Dataset train = table.data();
        Standardizer st = requireFittable(table, spec);
        Tensor x = st.features(train.features(), backend, DType.FLOAT64);
        double[] y = train.targets().get().toDoubleArray();
        int classes = spec.isClassification() ? classes(table, y) : 0;
        Tensor yt = Tensor.of(backend, spec.isClassification() ? y : st.target(y), y.length);
        BnnModel model = spec.model(x, yt, classes);
        RandomKey[] k = RandomKey.of(seed).split(2);
        FittedBnn fit = new BnnFitter(inferences, listener).fit(model, options, k[0]);
        WeightSamples samples;
        if (fit.predictor() instanceof PosteriorPredictor p) {
            samples = p.toWeightSamples(k[1], draws);
        } else if (fit.predictor() instanceof LaplacePredictor l) {
            // A Laplace fit is saved as weight draws from its Gaussian: the saved network predicts
            // by sampling, whatever predictive the fit reported with.
            samples = l.samples(k[1], draws);
        } else {
            samples = (WeightSamples) fit.predictor();
        }
        requireFinite(samples, options);
        Draws mcmc = fit.posterior() instanceof DrawsPosterior dp ? dp.draws() : null;
        return new Fit(
                new SavedNetwork(
                        spec, x.dim(1), classes, st, samples, table.features(), table.target()),
                mcmc);
    }

    /**
     * A saved network keeps weight draws, so a Laplace fit saved here predicts by sampling weights:
     * asking for the linearised predictive ({@code predictive=mc} or {@code probit}) would be
     * silently ignored, so it is refused before any training. So is an all-weights Laplace unless
     * sampling is asked for by name: its weight draws predict far worse than its linearised
     * predictive (on the last layer the two are the same, the network being linear in it).
     */
    private static void requireSavablePredictive(FitOptions options) {
        if (!options.method().equals("laplace")) {
            return;
        }
        String p = options.values().get("predictive");
        String subset = options.values().getOrDefault("subset", "last-layer");
        if (p == null && LaplaceSettings.subset(subset) == LaplaceSettings.Subset.ALL) {
            throw new IllegalArgumentException(
                    "laplace: subset="
                            + subset
                            + " is saved as weight draws, and draws of all the weights predict far"
                            + " worse than the approximation's linearised predictive (yacht:"
                            + " training RMSE 2.8 against 0.6 for the last layer); use"
                            + " subset=last-layer, where the draws are that predictive exactly, or"
                            + " add --opt predictive=sample to save the draws anyway");
        }
        if (p != null && !p.equals("sample")) {
            throw new IllegalArgumentException(
                    "laplace: predictive="
                            + p
                            + " cannot be saved: a fitted network is saved as weight draws and"
                            + " predicts by sampling them (predictive=sample, the default here); the"
                            + " linearised predictive is available for image sets (--images) and in"
                            + " code (LaplacePredictor)");
        }
    }

    /**
     * Checks that a table can be fitted, without fitting it: a target, at least one feature, two
     * rows, columns that can be standardised and, for a classifier, labels 0, 1, 2, ... A command
     * calls this before it claims an output folder; {@link #fit} calls it again.
     *
     * @param table the training table
     * @param spec the network
     * @return the standardisation of the table
     * @throws InvalidDataException naming the column or line at fault
     */
    public static Standardizer requireFittable(TableInput table, NetworkSpec spec) {
        Dataset train = table.data();
        if (train.targets().isEmpty()) {
            throw new IllegalArgumentException("fit: the training data have no target column");
        }
        if (table.features().isEmpty()) {
            throw new InvalidDataException(
                    table.source(),
                    "no feature columns: the header names only the target '"
                            + table.target()
                            + "'");
        }
        if (train.size() < 2) {
            throw new InvalidDataException(
                    table.source(), "a fit needs at least 2 rows, found " + train.size());
        }
        if (spec.isClassification()) {
            classes(table, train.targets().get().toDoubleArray());
        }
        return Standardizer.fit(
                train, !spec.isClassification(), table.source(), table.features(), table.target());
    }

    private static void requireFinite(WeightSamples samples, FitOptions options) {
        for (Map<String, Tensor> set : samples.weights()) {
            for (Map.Entry<String, Tensor> e : set.entrySet()) {
                if (!Double.isFinite(e.getValue().sum().item())) {
                    throw new ArithmeticException(
                            "the fit by "
                                    + options.method()
                                    + " ended with weights that are not finite ("
                                    + e.getKey()
                                    + "); try a smaller learning rate or more regularisation");
                }
            }
        }
    }

    private static int classes(TableInput table, double[] y) {
        int max = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] != Math.rint(y[i]) || y[i] > 100_000) {
                throw new InvalidDataException(
                        table.source(),
                        table.where(i)
                                + ": class labels in '"
                                + table.target()
                                + "' must be 0, 1, 2, ..., found "
                                + y[i]);
            }
            max = Math.max(max, (int) y[i]);
        }
        return Math.max(2, max + 1);
    }

    /**
     * Predicts on a data set, with metrics when it has targets.
     *
     * @param net the fitted network
     * @param data the inputs, with or without targets
     * @param level the credible level of the regression intervals, in (0, 1)
     * @param draws the number of predictive draws (MC dropout; other methods use their weight sets)
     * @param seed the seed of the draws
     * @return the table
     */
    public PredictionTable predict(
            SavedNetwork net, Dataset data, double level, int draws, long seed) {
        return predictMatched(
                net, TableInput.of(data).matching(null, net.inputs()), level, draws, seed);
    }

    /**
     * Predicts on a table, its columns matched by name to the ones the network was fitted on.
     *
     * @param net the fitted network
     * @param table the inputs, with or without targets
     * @param level the credible level of the regression intervals, in (0, 1)
     * @param draws the number of predictive draws (MC dropout; other methods use their weight sets)
     * @param seed the seed of the draws
     * @return the table
     * @throws InvalidDataException if the columns do not match the network's, or a label is not one
     *     of its classes
     */
    public PredictionTable predict(
            SavedNetwork net, TableInput table, double level, int draws, long seed) {
        return predictMatched(
                net, table.matching(net.features(), net.inputs()), level, draws, seed);
    }

    private PredictionTable predictMatched(
            SavedNetwork net, TableInput table, double level, int draws, long seed) {
        Dataset data = table.data();
        if (net.classes() > 0 && data.targets().isPresent()) {
            double[] labels = data.targets().get().toDoubleArray();
            for (int i = 0; i < labels.length; i++) {
                double v = labels[i];
                if (v < 0 || v >= net.classes() || v != Math.rint(v)) {
                    throw new InvalidDataException(
                            table.source(),
                            table.where(i)
                                    + ": label "
                                    + v
                                    + " is not one of the network's classes 0 to "
                                    + (net.classes() - 1));
                }
            }
        }
        Tensor x = net.standardizer().features(data.features(), backend, DType.FLOAT64);
        double[] y = data.targets().map(HostArray::toDoubleArray).orElse(null);
        var raw = net.samples().predict(x, RandomKey.of(seed), draws);
        if (raw instanceof RegressionDraws r) {
            RegressionDraws d = net.standardizer().unscale(r);
            RegressionPrediction p = d.summarise();
            double[][] ci = p.interval(level);
            double[] sd = p.sd();
            double[] esd = p.epistemicSd();
            double[][] rows = new double[p.mean().length][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] =
                        new double[] {
                            p.mean()[i],
                            sd[i],
                            Math.sqrt(p.aleatoric()[i]),
                            esd[i],
                            ci[0][i],
                            ci[1][i],
                            y == null ? Double.NaN : y[i]
                        };
            }
            return new PredictionTable(
                    List.of("mean", "sd", "aleatoric_sd", "epistemic_sd", "lower", "upper", "y"),
                    rows,
                    d,
                    y == null ? null : RegressionMetrics.of(d, y),
                    null);
        }
        ClassificationDraws d = (ClassificationDraws) raw;
        ClassificationPrediction p = d.summarise();
        int k = d.classes();
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            cols.add("p" + c);
        }
        cols.addAll(List.of("predicted", "entropy", "mutual_information", "y"));
        int[] pred = p.predictedLabels();
        double[] mi = p.mutualInformation();
        double[][] rows = new double[pred.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = new double[k + 4];
            System.arraycopy(p.probs()[i], 0, r, 0, k);
            r[k] = pred[i];
            r[k + 1] = p.entropy()[i];
            r[k + 2] = mi[i];
            r[k + 3] = y == null ? Double.NaN : y[i];
            rows[i] = r;
        }
        ClassificationMetrics m = null;
        if (y != null) {
            int[] labels = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = (int) y[i];
            }
            m = ClassificationMetrics.of(p, labels, ClassificationMetrics.DEFAULT_BINS);
        }
        return new PredictionTable(cols, rows, d, null, m);
    }

    /**
     * Plots the predictive band of a network on one input feature over the training range extended
     * by 30% on each side.
     *
     * @param net the fitted network, with one input feature
     * @param train the training data (plotted as points)
     * @param file the PNG file
     * @param draws the number of predictive draws (MC dropout)
     * @param seed the seed of the draws
     * @throws IOException if the file cannot be written
     */
    public void plot(SavedNetwork net, Dataset train, Path file, int draws, long seed)
            throws IOException {
        if (net.inputs() != 1 || net.spec().isClassification()) {
            throw new IllegalArgumentException(
                    "plot: the uncertainty band needs a regression on one input feature, found "
                            + net.inputs()
                            + " features ("
                            + net.spec().likelihood()
                            + ")");
        }
        double[] xs = train.features().toDoubleArray();
        double[] ys = train.targets().map(HostArray::toDoubleArray).orElse(new double[0]);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : xs) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = 0.3 * (hi - lo);
        int n = 200;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = lo - pad + (hi - lo + 2 * pad) * i / (n - 1);
        }
        Tensor g =
                net.standardizer()
                        .features(HostArray.ofDoubles(grid, n, 1), backend, DType.FLOAT64);
        RegressionDraws d =
                net.standardizer()
                        .unscale(
                                (RegressionDraws)
                                        net.samples().predict(g, RandomKey.of(seed), draws));
        UncertaintyPlot.write(
                file,
                xs,
                ys,
                List.of(
                        new UncertaintyPlot.Panel(
                                net.samples().description(), grid, d.summarise())));
    }

    /**
     * Writes the reliability diagram of a classification table.
     *
     * @param table a classification table with targets
     * @param file the PNG file
     * @throws IOException if the file cannot be written
     */
    public static void reliabilityPlot(PredictionTable table, Path file) throws IOException {
        if (table.classification() == null) {
            throw new IllegalArgumentException(
                    "reliability plot: needs classification predictions with targets");
        }
        ReliabilityPlot.write(file, table.classification().reliability(), "reliability");
    }
}
