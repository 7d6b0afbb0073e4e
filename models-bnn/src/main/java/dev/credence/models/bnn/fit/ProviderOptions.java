package dev.credence.models.bnn.fit;

import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Option;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings for an installed inference provider, each passed through the {@link Option} the provider
 * publishes under that name ({@link InferenceProvider#options()}): a value is converted to the
 * option's type and checked against its range when it is set, and a name the provider does not
 * publish is refused at once, with the names it does. This module reaches providers only through
 * the registry (it has no compile-time dependency on them), so the provider's own schema is what
 * keeps its settings honest.
 *
 * <pre>{@code
 * ProviderOptions svi = ProviderOptions.of(inferences, "svi")
 *         .set("epochs", 200)
 *         .set("elbo", "meanfield");
 * Posterior p = svi.create(key, listener).fit(model);
 * }</pre>
 */
final class ProviderOptions {
    private final Inferences registry;
    private final InferenceProvider provider;
    private final Map<String, Option<?>> published = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private ProviderOptions(Inferences registry, InferenceProvider provider) {
        this.registry = registry;
        this.provider = provider;
        provider.options().forEach(o -> published.put(o.name(), o));
    }

    /**
     * Starts the settings of an installed provider.
     *
     * @param registry the inference registry
     * @param name the provider's name
     * @return empty settings
     * @throws IllegalArgumentException if no provider of that name is installed, naming those that
     *     are
     */
    static ProviderOptions of(Inferences registry, String name) {
        InferenceProvider p =
                registry.find(name)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no inference provider '"
                                                        + name
                                                        + "' is installed; installed: "
                                                        + registry.providers().stream()
                                                                .map(InferenceProvider::name)
                                                                .toList()));
        return new ProviderOptions(registry, p);
    }

    /**
     * Sets an option through the provider's published {@link Option}.
     *
     * @param name the option's name
     * @param value its value (typed, or text as a command line gives it)
     * @return these settings
     * @throws IllegalArgumentException if the provider publishes no such option, or the value is
     *     not of its type or outside its range
     */
    ProviderOptions set(String name, Object value) {
        Option<?> o = published.get(name);
        if (o == null) {
            throw new IllegalArgumentException(
                    provider.name()
                            + " publishes no option '"
                            + name
                            + "'; it publishes "
                            + published.keySet());
        }
        try {
            values.put(name, o.value(value));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(provider.name() + ": " + bad.getMessage(), bad);
        }
        return this;
    }

    /**
     * Returns the values set so far, by name, as their options' types.
     *
     * @return the values
     */
    Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * Creates the provider's algorithm with these settings.
     *
     * @param key the run's random key
     * @param listener receives progress
     * @return the configured algorithm
     */
    Inference create(RandomKey key, ProgressListener listener) {
        return registry.create(provider.name(), new InferenceConfig(values, key, listener));
    }
}
