package dev.credence.api.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugged-in inference algorithm, found with {@link java.util.ServiceLoader}: a name, the options
 * it understands, and a factory.
 *
 * <pre>{@code
 * public final class MyProvider implements InferenceProvider {
 *     public String name() { return "my-sampler"; }
 *     public String description() { return "what it does in one line"; }
 *     static final Option<Integer> STEPS =
 *             Option.integer("steps", 100, Range.closed(1, 1_000_000), "iterations");
 *     public List<Option<?>> options() { return List.of(STEPS); }
 *     public Inference create(InferenceConfig c) {
 *         checkOptions(c);                               // unknown names, types, ranges
 *         int steps = c.get(STEPS);
 *         return model -> ...;
 *     }
 * }
 * }</pre>
 *
 * Register it in {@code module-info.java} ({@code provides dev.credence.api.infer.InferenceProvider
 * with MyProvider;}) and in {@code META-INF/services}. Users reach it through {@link Inferences}.
 */
public interface InferenceProvider {
    /**
     * Returns the name users select the algorithm by ({@code nuts}, {@code svi}, ...).
     *
     * @return the name
     */
    String name();

    /**
     * Returns a one-line description.
     *
     * @return the description
     */
    String description();

    /**
     * Returns the options the algorithm understands, with their types, defaults, ranges and help:
     * listings, validation and error messages are made from this list.
     *
     * @return the options
     */
    List<Option<?>> options();

    /**
     * Creates the algorithm with a configuration; unknown option names are an error.
     *
     * @param config the options, key and listener
     * @return the configured algorithm
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    Inference create(InferenceConfig config);

    /**
     * Checks every configured option against {@link #options()}: its name is known and its value
     * has the option's type and lies in its range.
     *
     * @param config the configuration
     * @throws IllegalArgumentException naming the algorithm, the option, what it allows and what
     *     was found, or the unknown option and the known ones
     */
    default void checkOptions(InferenceConfig config) {
        Map<String, Option<?>> known = new LinkedHashMap<>();
        options().forEach(o -> known.put(o.name(), o));
        for (Map.Entry<String, Object> e : config.options().entrySet()) {
            Option<?> o = known.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException(
                        "unknown option '"
                                + e.getKey()
                                + "' for "
                                + name()
                                + "; known options: "
                                + known.keySet());
            }
            try {
                o.value(e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(name() + ": " + bad.getMessage(), bad);
            }
        }
    }
}
