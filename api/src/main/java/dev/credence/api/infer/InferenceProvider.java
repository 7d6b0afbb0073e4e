package dev.credence.api.infer;

import java.util.List;

/**
 * A plugged-in inference algorithm, found with {@link java.util.ServiceLoader}: a name, the options
 * it understands, and a factory.
 *
 * <pre>{@code
 * public final class MyProvider implements InferenceProvider {
 *     public String name() { return "my-sampler"; }
 *     public String description() { return "what it does in one line"; }
 *     public List<OptionSpec> options() { return List.of(new OptionSpec("steps", "100", "...")); }
 *     public Inference create(InferenceConfig c) { return model -> ...; }
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
     * Returns the options the algorithm understands, with defaults.
     *
     * @return the options
     */
    List<OptionSpec> options();

    /**
     * Creates the algorithm with a configuration; unknown option names are an error.
     *
     * @param config the options, key and listener
     * @return the configured algorithm
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    Inference create(InferenceConfig config);

    /**
     * Checks that every configured option is one of {@link #options()}.
     *
     * @param config the configuration
     * @throws IllegalArgumentException naming the unknown option and the known ones
     */
    default void checkOptions(InferenceConfig config) {
        var known = options().stream().map(OptionSpec::name).toList();
        for (String k : config.options().keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(
                        "unknown option '" + k + "' for " + name() + "; known options: " + known);
            }
        }
    }
}
