package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Inferences;
import dev.credence.api.nn.Activation;
import dev.credence.api.random.RandomKey;
import dev.credence.io.HostArray;
import dev.credence.io.data.Dataset;
import dev.credence.models.bnn.data.ToyRegression;
import dev.credence.models.bnn.fit.BnnWorkflow;
import dev.credence.models.bnn.fit.FitOptions;
import dev.credence.models.bnn.fit.NetworkSpec;
import dev.credence.models.bnn.fit.PredictionTable;
import dev.credence.models.bnn.fit.SavedNetwork;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.plot.UncertaintyPlot;
import dev.credence.models.bnn.predict.RegressionDraws;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first half of {@code credence demo}: a 1-d regression with a gap in the data, fitted by NUTS
 * and by variational inference; the epistemic uncertainty in the gap and beyond the data is
 * compared with that on the data, and the predictive bands are plotted side by side.
 */
final class DemoBnn {
    private DemoBnn() {}

    static List<Path> run(
            Backend b, Inferences inferences, long seed, Path dir, PrintWriter out, PrintWriter err)
            throws IOException {
        ToyRegression toy = ToyRegression.gap(60, 0.1, RandomKey.of(seed));
        int n = toy.x().length;
        Dataset train =
                Dataset.of(HostArray.ofDoubles(toy.x(), n, 1), HostArray.ofDoubles(toy.y(), n));
        double[] grid = ToyRegression.grid(121);
        Dataset gridSet = Dataset.of(HostArray.ofDoubles(grid, grid.length, 1));
        NetworkSpec spec =
                new NetworkSpec(
                        new int[] {16}, Activation.TANH, "homoscedastic", WeightPrior.normal(1));
        try (RunProgress progress = new RunProgress(err)) {
            BnnWorkflow w = new BnnWorkflow(inferences, b, progress);
            return run(toy, train, gridSet, grid, spec, w, seed, dir, out);
        }
    }

    private static List<Path> run(
            ToyRegression toy,
            Dataset train,
            Dataset gridSet,
            double[] grid,
            NetworkSpec spec,
            BnnWorkflow w,
            long seed,
            Path dir,
            PrintWriter out)
            throws IOException {
        int n = toy.x().length;
        out.printf(
                Locale.ROOT,
                "%nPart 1: a Bayesian neural network (1-16-1, tanh) on %d points with a gap%n",
                n);
        List<UncertaintyPlot.Panel> panels = new ArrayList<>();
        String[][] methods = {
            {"nuts", "NUTS"},
            {"svi", "VI (Bayes by Backprop)"}
        };
        for (String[] m : methods) {
            // NUTS: a short run; mean-field VI: the small-data schedule of bench/bnn-claims.sh
            // (many local samples and a slow decay, or the KL term collapses it to the prior).
            Map<String, String> options =
                    m[0].equals("nuts")
                            ? Map.of(
                                    "chains",
                                    "2",
                                    "num-warmup",
                                    "250",
                                    "num-samples",
                                    "250",
                                    "max-tree-depth",
                                    "8",
                                    "threads",
                                    "2")
                            : Map.of(
                                    "epochs",
                                    "3000",
                                    "batch-size",
                                    "60",
                                    "lr",
                                    "0.01",
                                    "lr-final",
                                    "0.0003",
                                    "local-samples",
                                    "16",
                                    "init-noise",
                                    "0.1");
            long t0 = System.nanoTime();
            SavedNetwork net = w.fit(train, spec, FitOptions.of(m[0], options), seed, 200);
            double seconds = (System.nanoTime() - t0) / 1e9;
            PredictionTable t = w.predict(net, gridSet, 0.9, 200, seed);
            RegressionDraws d = (RegressionDraws) t.draws();
            var p = d.summarise();
            double[] regions = ToyRegression.regionMeans(grid, p.epistemicSd());
            out.printf(
                    Locale.ROOT,
                    "  %-24s %5.1f s   epistemic sd: on the data %.3f, in the gap %.3f (%.1fx), beyond %.3f (%.1fx)%n",
                    m[1],
                    seconds,
                    regions[0],
                    regions[1],
                    regions[1] / regions[0],
                    regions[2],
                    regions[2] / regions[0]);
            panels.add(new UncertaintyPlot.Panel(m[1], grid, p));
        }
        out.println(
                "  (mean-field VI is known to understate uncertainty between clusters of data:"
                        + " Foong et al. 2019; NUTS samples the exact posterior)");
        Path png = dir.resolve("bnn-uncertainty.png");
        UncertaintyPlot.write(png, toy.x(), toy.y(), panels);
        return List.of(png);
    }
}
