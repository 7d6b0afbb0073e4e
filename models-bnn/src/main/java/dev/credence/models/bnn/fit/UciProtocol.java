package dev.credence.models.bnn.fit;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.data.Dataset;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.data.Standardizer;
import dev.credence.models.bnn.data.UciDataset;
import dev.credence.models.bnn.metrics.RegressionMetrics;
import dev.credence.models.bnn.predict.RegressionDraws;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The UCI regression protocol of Hernández-Lobato and Adams (2015), reused by Gal and Ghahramani
 * (2016): for each fixed 90/10 split, standardise inputs and targets with the training split's
 * statistics, fit one hidden layer of 50 units (100 for the large sets) for the prescribed number
 * of epochs (40) on minibatches, and score the test split in original units: RMSE of the predictive
 * mean and the average log predictive density (log-mean-exp over the predictive draws).
 *
 * <p>The methods and their settings:
 *
 * <ul>
 *   <li>{@code bbb}: Bayes by Backprop through the {@code svi} provider: mean-field Gaussian guide,
 *       local reparameterisation trick, {@code N(0, 1)} prior on every weight, a homoscedastic
 *       noise scale with a {@code HalfNormal(1)} prior and a log-normal guide, minibatches of 32,
 *       initial posterior standard deviations {@value #BBB_INIT_SCALE}, Adam with the step size
 *       decayed exponentially from {@value #BBB_LR} to {@value #BBB_LR_FINAL}, one ELBO particle,
 *       {@value #DRAWS} predictive draws;
 *   <li>{@code mcdropout}: MC dropout: dropout {@value #DROPOUT} before every layer, the same prior
 *       as weight decay, a learned homoscedastic noise scale, minibatches of 32, Adam at 0.01,
 *       {@value #DRAWS} stochastic forward passes.
 * </ul>
 *
 * Nothing is tuned per data set or per split.
 */
public final class UciProtocol {
    /** Bayes by Backprop's initial step size. */
    public static final double BBB_LR = 0.03;

    /** Bayes by Backprop's final step size. */
    public static final double BBB_LR_FINAL = 0.001;

    /** Bayes by Backprop's initial posterior standard deviation of every weight. */
    public static final double BBB_INIT_SCALE = 1e-4;

    /** MC dropout's rate (Gal and Ghahramani used 0.05 or 0.005 on these sets). */
    public static final double DROPOUT = 0.05;

    /** The predictive draws per test point. */
    public static final int DRAWS = 500;

    private UciProtocol() {}

    /**
     * The scores of one split.
     *
     * @param dataset the data set's name
     * @param method the method
     * @param split the split
     * @param metrics the test metrics in original units
     * @param seconds the wall-clock time of fitting and predicting
     */
    public record SplitResult(
            String dataset, String method, int split, RegressionMetrics metrics, double seconds) {}

    /**
     * The options of a method at a given number of epochs.
     *
     * @param method {@code bbb} or {@code mcdropout}
     * @param epochs the number of epochs
     * @return the fit options
     */
    public static FitOptions options(String method, int epochs) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("epochs", "" + epochs);
        o.put("batch-size", "32");
        return switch (method) {
            case "bbb" -> {
                o.put("guide", "meanfield");
                o.put("estimator", "local");
                o.put("lr", "" + BBB_LR);
                o.put("lr-final", "" + BBB_LR_FINAL);
                o.put("init-scale", "" + BBB_INIT_SCALE);
                yield FitOptions.of("svi", o);
            }
            case "mcdropout" -> {
                o.put("lr", "0.01");
                o.put("dropout", "" + DROPOUT);
                yield FitOptions.of("mcdropout", o);
            }
            default ->
                    throw new IllegalArgumentException(
                            "UCI protocol: unknown method '" + method + "'; known: bbb, mcdropout");
        };
    }

    /**
     * Runs one split.
     *
     * @param ds the data set
     * @param split the split
     * @param options the fit options (see {@link #options})
     * @param label the method's name in the result
     * @param b the backend
     * @param inferences the inference registry
     * @param seed the seed (the split's key is {@code RandomKey.of(seed).fold(split)})
     * @return the scores
     * @throws IOException if a split file cannot be read
     */
    public static SplitResult run(
            UciDataset ds,
            int split,
            FitOptions options,
            String label,
            Backend b,
            Inferences inferences,
            long seed)
            throws IOException {
        long t0 = System.nanoTime();
        Dataset train = ds.train(split);
        Dataset test = ds.test(split);
        Standardizer st = Standardizer.fit(train, true);
        Tensor x = st.features(train.features(), b, DType.FLOAT64);
        double[] y = st.target(train.targets().orElseThrow().toDoubleArray());
        NetworkSpec spec = NetworkSpec.regression();
        NetworkSpec sized =
                new NetworkSpec(
                        new int[] {ds.hiddenUnits()},
                        spec.activation(),
                        spec.likelihood(),
                        spec.prior());
        BnnModel model = sized.model(x, Tensor.of(b, y, y.length), 0);
        RandomKey[] k = RandomKey.of(seed).fold(split).split(2);
        FittedBnn fit = new BnnFitter(inferences).fit(model, options, k[0]);
        Tensor xt = st.features(test.features(), b, DType.FLOAT64);
        RegressionDraws d = st.unscale((RegressionDraws) fit.predictor().predict(xt, k[1], DRAWS));
        RegressionMetrics m = RegressionMetrics.of(d, test.targets().orElseThrow().toDoubleArray());
        return new SplitResult(ds.name(), label, split, m, (System.nanoTime() - t0) / 1e9);
    }
}
