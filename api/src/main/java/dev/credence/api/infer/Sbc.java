package dev.credence.api.infer;

import dev.credence.api.backend.ScalarMath;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman 2018, "Validating
 * Bayesian inference algorithms with simulation-based calibration"). Each replication draws
 * parameters from the prior and data given them, fits the posterior with the algorithm under test,
 * and records the rank of the true value among {@code L} posterior draws. If the algorithm is
 * right, ranks are uniform on {@code 0..L}; Pearson's chi-squared test over equal-width bins
 * measures departures.
 */
public final class Sbc {
    private Sbc() {}

    /** A model family for SBC: how to draw the truth and how to build the model for its data. */
    public interface Family {
        /**
         * Draws parameters from the prior.
         *
         * @param key the random key
         * @return scalar parameters by name
         */
        Map<String, Double> prior(RandomKey key);

        /**
         * Simulates data from the given parameters and returns the model conditioned on it.
         *
         * @param truth the parameters
         * @param key the random key for the data
         * @return the model to fit
         */
        Model model(Map<String, Double> truth, RandomKey key);
    }

    /**
     * The outcome: a rank histogram and a p-value per parameter.
     *
     * @param histograms counts per bin, by parameter
     * @param pValues chi-squared p-values, by parameter
     */
    public record Result(Map<String, int[]> histograms, Map<String, Double> pValues) {}

    /**
     * Runs SBC.
     *
     * @param family the model family
     * @param inference the algorithm under test (fitted once per replication)
     * @param replications the number of replications
     * @param draws posterior draws ranked per replication (thin MCMC output to about its ESS)
     * @param bins the histogram bins (must divide {@code draws + 1})
     * @param key the random key
     * @return histograms and p-values
     */
    public static Result run(
            Family family,
            Inference inference,
            int replications,
            int draws,
            int bins,
            RandomKey key) {
        if ((draws + 1) % bins != 0) {
            throw new IllegalArgumentException(
                    "SBC: bins (" + bins + ") must divide draws + 1 (" + (draws + 1) + ")");
        }
        Map<String, int[]> hist = new LinkedHashMap<>();
        for (int r = 0; r < replications; r++) {
            RandomKey[] k = key.fold(r).split(3);
            Map<String, Double> truth = family.prior(k[0]);
            Posterior post = inference.fit(family.model(truth, k[1]));
            Map<String, Tensor> sample = post.sample(k[2], draws);
            for (var e : truth.entrySet()) {
                double[] d = sample.get(e.getKey()).toDoubleArray();
                int rank = 0;
                for (double v : d) {
                    if (v < e.getValue()) {
                        rank++;
                    }
                }
                hist.computeIfAbsent(e.getKey(), x -> new int[bins])[rank * bins / (draws + 1)]++;
            }
        }
        Map<String, Double> p = new LinkedHashMap<>();
        hist.forEach((name, counts) -> p.put(name, chiSquarePValue(counts)));
        return new Result(hist, p);
    }

    /**
     * Pearson's chi-squared p-value of counts against equal expected counts.
     *
     * @param counts the observed counts
     * @return the p-value
     */
    public static double chiSquarePValue(int[] counts) {
        double total = 0;
        for (int c : counts) {
            total += c;
        }
        double expected = total / counts.length;
        double stat = 0;
        for (int c : counts) {
            stat += (c - expected) * (c - expected) / expected;
        }
        return ScalarMath.gammaQ((counts.length - 1) / 2.0, stat / 2);
    }

    /**
     * Formats a histogram as a one-line bar of digits per bin.
     *
     * @param counts the counts
     * @return e.g. {@code [12 9 11 ...]}
     */
    public static String format(int[] counts) {
        return List.of(java.util.Arrays.stream(counts).boxed().toArray()).toString();
    }
}
