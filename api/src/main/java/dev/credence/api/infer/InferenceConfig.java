package dev.credence.api.infer;

import dev.credence.api.random.RandomKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an inference run is given besides the model: option values by name, the run's random key and
 * a progress listener.
 *
 * <p>Values may be typed ({@code 1e12}, {@code true}, a {@link StateStore}) or text as a command
 * line gives them ({@code "1e12"}); the provider reads each through its {@link Option}, which
 * checks it and supplies the default:
 *
 * <pre>{@code
 * InferenceConfig c = InferenceConfig.of(RandomKey.of(1)).with("num-samples", 500);
 * int draws = c.get(NUM_SAMPLES);                  // in the provider: 500, checked
 * }</pre>
 *
 * @param options option values by name
 * @param key the random key of the run
 * @param listener progress receiver
 */
public record InferenceConfig(
        Map<String, Object> options, RandomKey key, ProgressListener listener) {

    /**
     * Copies the options (in order; null values are refused).
     *
     * @param options option values by name
     * @param key the random key of the run
     * @param listener progress receiver
     */
    public InferenceConfig {
        Map<String, Object> copy = new LinkedHashMap<>();
        options.forEach(
                (k, v) -> {
                    if (v == null) {
                        throw new IllegalArgumentException("option '" + k + "' has no value");
                    }
                    copy.put(k, v);
                });
        options = java.util.Collections.unmodifiableMap(copy);
        if (key == null) {
            throw new IllegalArgumentException("an inference run needs a random key");
        }
        listener = listener == null ? ProgressListener.NONE : listener;
    }

    /**
     * A configuration from values of any type.
     *
     * @param options option values by name (typed values or text)
     * @param key the random key
     * @param listener progress receiver, or null
     * @return the configuration
     */
    public static InferenceConfig of(
            Map<String, ?> options, RandomKey key, ProgressListener listener) {
        return new InferenceConfig(new LinkedHashMap<>(options), key, listener);
    }

    /**
     * A configuration with default options.
     *
     * @param key the random key
     * @return the configuration
     */
    public static InferenceConfig of(RandomKey key) {
        return new InferenceConfig(Map.of(), key, ProgressListener.NONE);
    }

    /**
     * Returns the value of an option: the given one, checked and converted, or its default.
     *
     * @param <T> the option's type
     * @param option the option
     * @return the value (null only for an object option that was not given)
     * @throws IllegalArgumentException naming the option, what it allows and what was given
     */
    public <T> T get(Option<T> option) {
        Object v = options.get(option.name());
        return v == null ? option.defaultValue() : option.value(v);
    }

    /**
     * Tells whether an option was given.
     *
     * @param name the option's name
     * @return true if it was given
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * Returns a copy with one option set.
     *
     * @param name the option
     * @param value its value, typed or as text
     * @return the new configuration
     */
    public InferenceConfig with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(options);
        m.put(name, value);
        return new InferenceConfig(m, key, listener);
    }

    /**
     * Returns a copy with another listener.
     *
     * @param l the listener
     * @return the new configuration
     */
    public InferenceConfig withListener(ProgressListener l) {
        return new InferenceConfig(options, key, l);
    }
}
