package dev.credence.api.infer;

import dev.credence.api.random.RandomKey;
import java.util.Map;

/**
 * What an inference run is given besides the model: string options (as from a command line or a
 * properties file), the run's random key and a progress listener.
 *
 * @param options option values by name
 * @param key the random key of the run
 * @param listener progress receiver
 */
public record InferenceConfig(
        Map<String, String> options, RandomKey key, ProgressListener listener) {

    /**
     * Copies the options.
     *
     * @param options option values by name
     * @param key the random key of the run
     * @param listener progress receiver
     */
    public InferenceConfig {
        options = Map.copyOf(options);
        if (key == null) {
            throw new IllegalArgumentException("an inference run needs a random key");
        }
        listener = listener == null ? ProgressListener.NONE : listener;
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
     * Returns a string option.
     *
     * @param name the option
     * @param fallback the value when absent
     * @return the value
     */
    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * Returns an integer option.
     *
     * @param name the option
     * @param fallback the value when absent
     * @return the value
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public int getInt(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option '" + name + "' must be an integer, found '" + v + "'", e);
        }
    }

    /**
     * Returns a floating-point option.
     *
     * @param name the option
     * @param fallback the value when absent
     * @return the value
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public double getDouble(String name, double fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option '" + name + "' must be a number, found '" + v + "'", e);
        }
    }

    /**
     * Returns a boolean option ({@code true} or {@code false}).
     *
     * @param name the option
     * @param fallback the value when absent
     * @return the value
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public boolean getBoolean(String name, boolean fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "option '" + name + "' must be true or false, found '" + v + "'");
        };
    }

    /**
     * Returns a copy with one option set.
     *
     * @param name the option
     * @param value its value
     * @return the new configuration
     */
    public InferenceConfig with(String name, String value) {
        var m = new java.util.HashMap<>(options);
        m.put(name, value);
        return new InferenceConfig(m, key, listener);
    }
}
