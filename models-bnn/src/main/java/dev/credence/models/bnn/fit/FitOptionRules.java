package dev.credence.models.bnn.fit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The allowed values of every {@link FitOptions} option, checked when the options are made, so that
 * {@code epochs=0} or {@code lr=-1} is refused with the option's range instead of being replaced by
 * a default or failing deep inside a fit.
 */
final class FitOptionRules {
    private FitOptionRules() {}

    /** One option's type and range. */
    private record Rule(
            char kind, double min, double max, boolean minOpen, List<String> words, String label) {
        static Rule count(long min, long max) {
            return new Rule('i', min, max, false, List.of(), null);
        }

        static Rule positive() {
            return new Rule('d', 0, Double.MAX_VALUE, true, List.of(), null);
        }

        static Rule unitOpen() {
            return new Rule('d', 0, Math.nextDown(1.0), true, List.of(), null);
        }

        static Rule rate() {
            return new Rule('d', 0, Math.nextDown(1.0), false, List.of(), null);
        }

        static Rule words(String... w) {
            return new Rule('w', 0, 0, false, List.of(w), "one of " + String.join(", ", w));
        }

        static Rule words(String label, List<String> w) {
            return new Rule('w', 0, 0, false, w, label);
        }

        String describe() {
            return switch (kind) {
                case 'i' -> "an integer from " + (long) min + " to " + (long) max;
                case 'w' -> label;
                default ->
                        max < 1
                                ? (minOpen
                                        ? "a number strictly between 0 and 1"
                                        : "a number from 0 up to (not including) 1")
                                : "a positive finite number";
            };
        }
    }

    private static final Map<String, Rule> RULES =
            Map.ofEntries(
                    Map.entry("epochs", Rule.count(1, 100_000)),
                    Map.entry("batch-size", Rule.count(1, Integer.MAX_VALUE)),
                    Map.entry("lr", Rule.positive()),
                    Map.entry("lr-final", Rule.positive()),
                    Map.entry(
                            "guide",
                            Rule.words(
                                    "meanfield", "normal", "diagonal", "lowrank", "mvn", "delta")),
                    Map.entry(
                            "estimator",
                            Rule.words(
                                    "one of reparam, local (or lrt), flipout",
                                    List.of(
                                            "reparam",
                                            "reparameterisation",
                                            "reparameterization",
                                            "local",
                                            "lrt",
                                            "flipout"))),
                    Map.entry("moped", Rule.words("true", "false")),
                    Map.entry("moped-delta", Rule.positive()),
                    Map.entry("init-scale", Rule.positive()),
                    Map.entry("init-noise", Rule.positive()),
                    Map.entry("particles", Rule.count(1, 10_000)),
                    Map.entry("local-samples", Rule.count(1, 10_000)),
                    Map.entry("rank", Rule.count(0, 100_000)),
                    Map.entry("chains", Rule.count(1, 1000)),
                    Map.entry("num-warmup", Rule.count(0, 1_000_000)),
                    Map.entry("num-samples", Rule.count(1, 10_000_000)),
                    Map.entry("adapt-delta", Rule.unitOpen()),
                    Map.entry("max-tree-depth", Rule.count(1, 30)),
                    Map.entry("dense-metric", Rule.words("true", "false")),
                    Map.entry("threads", Rule.count(1, 4096)),
                    Map.entry("prior-scale", Rule.positive()),
                    Map.entry("dropout", Rule.rate()),
                    Map.entry("members", Rule.count(1, 1000)),
                    Map.entry("swag-epochs", Rule.count(1, 100_000)),
                    Map.entry("swag-lr", Rule.positive()),
                    Map.entry("swag-collect", Rule.count(1, 100_000)),
                    Map.entry("swag-rank", Rule.count(2, 10_000)),
                    Map.entry(
                            "subset",
                            Rule.words("one of last-layer, all", List.of("last-layer", "all"))),
                    Map.entry("hessian", Rule.words("full", "diag", "kfac")),
                    Map.entry("prior-precision", Rule.positive()),
                    Map.entry("predictive", Rule.words("probit", "mc", "sample")),
                    Map.entry("exact", Rule.words("true", "false")));

    /**
     * Checks one option's value.
     *
     * @param name the option
     * @param value its text
     * @throws IllegalArgumentException naming the option, its allowed values and the value found
     */
    static void check(String name, String value) {
        Rule r = RULES.get(name);
        if (r == null) {
            return;
        }
        String v = value.trim();
        boolean ok;
        try {
            ok =
                    switch (r.kind()) {
                        case 'i' -> {
                            long x = Long.parseLong(v);
                            yield x >= r.min() && x <= r.max();
                        }
                        case 'w' -> r.words().contains(v.toLowerCase(Locale.ROOT));
                        default -> {
                            double x = Double.parseDouble(v);
                            yield Double.isFinite(x)
                                    && (r.minOpen() ? x > r.min() : x >= r.min())
                                    && x <= r.max();
                        }
                    };
        } catch (NumberFormatException e) {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    "option '" + name + "' must be " + r.describe() + ", found '" + value + "'");
        }
    }
}
