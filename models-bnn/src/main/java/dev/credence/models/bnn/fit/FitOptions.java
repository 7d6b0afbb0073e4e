package dev.credence.models.bnn.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * String options for {@link BnnFitter}, as a command line gives them, with their defaults and the
 * inference methods that read them. Unknown names are rejected with the list of known ones.
 *
 * <table class="striped">
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>used by</th><th>meaning</th></tr>
 *   <tr><td>epochs</td><td>40</td><td>svi, map, mcdropout, ensemble</td><td>passes over the
 *       data</td></tr>
 *   <tr><td>batch-size</td><td>32</td><td>svi, map, mcdropout, ensemble</td><td>minibatch
 *       size</td></tr>
 *   <tr><td>lr</td><td>0.03 (svi), 0.01</td><td>svi, map, mcdropout, ensemble</td><td>Adam
 *       step size</td></tr>
 *   <tr><td>lr-final</td><td>lr / 30</td><td>svi</td><td>the step size reached at the end by
 *       exponential decay</td></tr>
 *   <tr><td>guide</td><td>meanfield</td><td>svi</td><td>meanfield (Bayes by Backprop, with the
 *       estimator and MOPED options) or an automatic guide of the svi provider: normal, diagonal,
 *       lowrank, mvn, delta</td></tr>
 *   <tr><td>estimator</td><td>local</td><td>svi meanfield</td><td>reparam, local (local
 *       reparameterisation trick) or flipout</td></tr>
 *   <tr><td>moped</td><td>false</td><td>svi meanfield</td><td>initialise from a MAP network
 *       (MOPED)</td></tr>
 *   <tr><td>moped-delta</td><td>0.1</td><td>svi meanfield</td><td>MOPED's relative initial
 *       standard deviation</td></tr>
 *   <tr><td>init-scale</td><td>0.0001</td><td>svi</td><td>initial standard deviation of the
 *       guide</td></tr>
 *   <tr><td>init-noise</td><td>0.5</td><td>svi meanfield</td><td>initial median of the noise
 *       scale (standardised units)</td></tr>
 *   <tr><td>particles</td><td>1</td><td>svi</td><td>ELBO samples per step</td></tr>
 *   <tr><td>local-samples</td><td>1</td><td>svi meanfield, local or flipout</td><td>copies of
 *       each example with independent local noise ({@link
 *       dev.credence.models.bnn.BnnModel#withLocalSamples})</td></tr>
 *   <tr><td>rank</td><td>0</td><td>svi lowrank</td><td>rank of the low-rank guide (0:
 *       automatic)</td></tr>
 *   <tr><td>chains, num-warmup, num-samples, adapt-delta, max-tree-depth, dense-metric,
 *       threads</td><td>provider's</td><td>nuts</td><td>passed to the NUTS provider</td></tr>
 *   <tr><td>prior-scale</td><td>from the model</td><td>map, mcdropout, ensemble</td><td>Gaussian
 *       prior (weight decay) standard deviation</td></tr>
 *   <tr><td>dropout</td><td>0.05</td><td>mcdropout</td><td>dropout rate</td></tr>
 *   <tr><td>members</td><td>5</td><td>ensemble, multiswag</td><td>networks in the ensemble</td></tr>
 *   <tr><td>swag-epochs</td><td>5</td><td>swag, multiswag</td><td>epochs of SGD after the MAP
 *       pretraining ({@code epochs})</td></tr>
 *   <tr><td>swag-lr</td><td>0.01</td><td>swag, multiswag</td><td>SGD's constant step size
 *       (momentum 0.9)</td></tr>
 *   <tr><td>swag-collect</td><td>4</td><td>swag, multiswag</td><td>snapshots per epoch</td></tr>
 *   <tr><td>swag-rank</td><td>20</td><td>swag, multiswag</td><td>deviations kept for the
 *       low-rank covariance</td></tr>
 *   <tr><td>subset</td><td>last-layer</td><td>laplace</td><td>last-layer or all</td></tr>
 *   <tr><td>hessian</td><td>full (last layer), kfac (all)</td><td>laplace</td><td>full, diag or
 *       kfac generalised Gauss-Newton</td></tr>
 *   <tr><td>prior-precision</td><td>tuned</td><td>laplace</td><td>the prior precision; by
 *       default it maximises the marginal likelihood</td></tr>
 *   <tr><td>predictive</td><td>probit (last layer), sample (all)</td><td>laplace</td><td>probit,
 *       mc (linearised last layer) or sample (weights)</td></tr>
 *   <tr><td>exact</td><td>true (last layer), false (all)</td><td>laplace</td><td>exact output
 *       curvature, or one sampled label per example</td></tr>
 * </table>
 *
 * <p>Any other inference provider installed in the registry (a stochastic-gradient MCMC sampler,
 * say) is reached through {@link #ofProvider}: its options go to it unchanged, except {@code
 * batch-size}, which sets the model's minibatch.
 */
public final class FitOptions {
    /** The inference methods {@link BnnFitter} knows. */
    public static final List<String> METHODS =
            List.of("nuts", "svi", "map", "mcdropout", "ensemble", "swag", "multiswag", "laplace");

    private static final List<String> TRAINING = List.of("epochs", "batch-size", "lr");
    private static final List<String> SWAG =
            List.of("prior-scale", "swag-epochs", "swag-lr", "swag-collect", "swag-rank");
    private static final Map<String, List<String>> KNOWN =
            Map.of(
                    "svi",
                    List.of(
                            "epochs",
                            "batch-size",
                            "lr",
                            "lr-final",
                            "guide",
                            "estimator",
                            "moped",
                            "moped-delta",
                            "init-scale",
                            "init-noise",
                            "particles",
                            "local-samples",
                            "rank"),
                    "nuts",
                    List.of(
                            "chains",
                            "num-warmup",
                            "num-samples",
                            "adapt-delta",
                            "max-tree-depth",
                            "dense-metric",
                            "threads"),
                    "map",
                    concat(TRAINING, List.of("prior-scale")),
                    "mcdropout",
                    concat(TRAINING, List.of("prior-scale", "dropout")),
                    "ensemble",
                    concat(TRAINING, List.of("prior-scale", "members")),
                    "swag",
                    concat(TRAINING, SWAG),
                    "multiswag",
                    concat(concat(TRAINING, SWAG), List.of("members")),
                    "laplace",
                    concat(
                            TRAINING,
                            List.of(
                                    "prior-scale",
                                    "subset",
                                    "hessian",
                                    "prior-precision",
                                    "predictive",
                                    "exact")));

    private final String method;
    private final Map<String, String> values;

    private FitOptions(String method, Map<String, String> values) {
        this.method = method;
        this.values = Map.copyOf(values);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /**
     * Validates options for a method.
     *
     * @param method one of {@link #METHODS}
     * @param options option values by name
     * @return the options
     * @throws IllegalArgumentException for an unknown method or option, naming the known ones, or a
     *     value outside the option's range, naming the range
     */
    public static FitOptions of(String method, Map<String, String> options) {
        String m = method.trim().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException(
                    "unknown inference '" + method + "' for a network; known: " + METHODS);
        }
        List<String> known = KNOWN.get(m);
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "option '"
                                + e.getKey()
                                + "' is not used by "
                                + m
                                + "; its options: "
                                + known);
            }
            FitOptionRules.check(e.getKey(), e.getValue());
        }
        return new FitOptions(m, new LinkedHashMap<>(options));
    }

    /**
     * Options for an inference provider of the registry that is not one of {@link #METHODS}: the
     * provider checks its own options; only {@code batch-size} is read here.
     *
     * @param method the provider's name
     * @param options option values by name
     * @return the options
     * @throws IllegalArgumentException for one of {@link #METHODS} (use {@link #of}) or a bad batch
     *     size
     */
    public static FitOptions ofProvider(String method, Map<String, String> options) {
        String m = method.trim().toLowerCase(Locale.ROOT);
        if (METHODS.contains(m)) {
            return of(m, options);
        }
        if (options.containsKey("batch-size")) {
            FitOptionRules.check("batch-size", options.get("batch-size"));
        }
        return new FitOptions(m, new LinkedHashMap<>(options));
    }

    /**
     * Returns the method.
     *
     * @return one of {@link #METHODS}
     */
    public String method() {
        return method;
    }

    /**
     * Returns the options as given.
     *
     * @return option values by name
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * Returns the NUTS chains (4, the provider's default, unless set).
     *
     * @return the chains
     */
    public int chains() {
        return getInt("chains", 4);
    }

    /**
     * Returns the NUTS draws per chain (1000, the provider's default, unless set).
     *
     * @return the draws
     */
    public int nutsSamples() {
        return getInt("num-samples", 1000);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback).trim();
    }

    int getInt(String name, int fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option '" + name + "' must be an integer, found '" + v + "'", e);
        }
    }

    double getDouble(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option '" + name + "' must be a number, found '" + v + "'", e);
        }
    }

    boolean getBoolean(String name, boolean fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "option '" + name + "' must be true or false, found '" + v + "'");
        };
    }

    @Override
    public String toString() {
        return method + " " + values;
    }
}
