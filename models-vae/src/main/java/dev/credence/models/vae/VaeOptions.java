package dev.credence.models.vae;

import dev.credence.api.backend.DType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link VaeConfig} as string options, the form a command line or a checkpoint's metadata holds:
 *
 * <table class="striped">
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>values</th><th>default</th></tr>
 *   <tr><td>latent, hidden</td><td>positive integers</td><td>20, 400</td></tr>
 *   <tr><td>likelihood</td><td>bernoulli, continuous-bernoulli (cb), gaussian</td>
 *       <td>bernoulli</td></tr>
 *   <tr><td>beta</td><td>KL weight, positive</td><td>1</td></tr>
 *   <tr><td>particles</td><td>importance samples of the training bound (IWAE when above 1)</td>
 *       <td>1</td></tr>
 *   <tr><td>kl</td><td>analytic, mc</td><td>analytic</td></tr>
 *   <tr><td>dtype</td><td>float32, float64</td><td>float32</td></tr>
 *   <tr><td>epochs, batch-size, lr, seed</td><td>training</td><td>20, 128, 0.001, 0</td></tr>
 *   <tr><td>eval-samples, eval-examples</td><td>the -log p(x) estimate: K and how many test
 *       examples (0 for all)</td><td>1000, 1000</td></tr>
 *   <tr><td>anomaly-samples</td><td>draws of z per anomaly score</td><td>16</td></tr>
 * </table>
 */
final class VaeOptions {
    private VaeOptions() {}

    /**
     * Reads a configuration from string options (as a command line gives them), the defaults
     * filling the rest.
     *
     * @param options values by the names of {@link VaeConfig#OPTIONS}
     * @return the configuration
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    static VaeConfig parse(Map<String, String> options) {
        VaeConfig.Builder b = VaeConfig.builder();
        for (var e : options.entrySet()) {
            String v = e.getValue().trim();
            switch (e.getKey()) {
                case "latent" -> b.latent(integer(e.getKey(), v));
                case "hidden" -> b.hidden(integer(e.getKey(), v));
                case "likelihood" -> b.likelihood(Likelihood.parse(v));
                case "beta" -> b.beta(number(e.getKey(), v));
                case "particles" -> b.particles(integer(e.getKey(), v));
                case "kl" -> b.analyticKl(kl(v));
                case "dtype" -> b.dtype(dtype(v));
                case "epochs" -> b.epochs(integer(e.getKey(), v));
                case "batch-size" -> b.batchSize(integer(e.getKey(), v));
                case "lr" -> b.learningRate(number(e.getKey(), v));
                case "seed" -> b.seed(longInteger(e.getKey(), v));
                case "eval-samples" -> b.evalSamples(integer(e.getKey(), v));
                case "eval-examples" -> b.evalExamples(integer(e.getKey(), v));
                case "anomaly-samples" -> b.anomalySamples(integer(e.getKey(), v));
                default ->
                        throw new IllegalArgumentException(
                                "unknown VAE option '"
                                        + e.getKey()
                                        + "'; known: "
                                        + VaeConfig.OPTIONS);
            }
        }
        return b.build();
    }

    /**
     * Writes this configuration as string options; {@link #parse} reads them back.
     *
     * @param c the configuration
     * @return values by option name, in {@link VaeConfig#OPTIONS} order
     */
    static Map<String, String> format(VaeConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("latent", Integer.toString(c.latent()));
        m.put("hidden", Integer.toString(c.hidden()));
        m.put("likelihood", c.likelihood().optionName());
        m.put("beta", Double.toString(c.beta()));
        m.put("particles", Integer.toString(c.particles()));
        m.put("kl", c.analyticKl() ? "analytic" : "mc");
        m.put("dtype", c.dtype().name().toLowerCase(Locale.ROOT));
        m.put("epochs", Integer.toString(c.epochs()));
        m.put("batch-size", Integer.toString(c.batchSize()));
        m.put("lr", Double.toString(c.learningRate()));
        m.put("seed", Long.toString(c.seed()));
        m.put("eval-samples", Integer.toString(c.evalSamples()));
        m.put("eval-examples", Integer.toString(c.evalExamples()));
        m.put("anomaly-samples", Integer.toString(c.anomalySamples()));
        return m;
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "VAE option '" + name + "' must be an integer, found '" + v + "'", e);
        }
    }

    private static long longInteger(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "VAE option '" + name + "' must be an integer, found '" + v + "'", e);
        }
    }

    private static double number(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "VAE option '" + name + "' must be a number, found '" + v + "'", e);
        }
    }

    private static boolean kl(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "analytic" -> true;
            case "mc", "monte-carlo" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "VAE option 'kl' must be analytic or mc, found '" + v + "'");
        };
    }

    private static DType dtype(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "float32", "f32" -> DType.FLOAT32;
            case "float64", "f64" -> DType.FLOAT64;
            default ->
                    throw new IllegalArgumentException(
                            "VAE option 'dtype' must be float32 or float64, found '" + v + "'");
        };
    }
}
