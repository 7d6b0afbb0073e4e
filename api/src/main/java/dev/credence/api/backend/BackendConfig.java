package dev.credence.api.backend;

import java.util.Map;

/**
 * Options handed to {@link BackendProvider#create(BackendConfig)}, such as {@code device} (a device
 * index) or {@code threads}. Unknown keys are ignored by backends that do not use them.
 *
 * @param options the option values by name
 */
public record BackendConfig(Map<String, String> options) {

    /**
     * Copies the options.
     *
     * @param options the option values by name
     */
    public BackendConfig {
        options = Map.copyOf(options);
    }

    /**
     * Returns the empty configuration.
     *
     * @return a configuration with no options
     */
    public static BackendConfig defaults() {
        return new BackendConfig(Map.of());
    }

    /**
     * Returns an option as a string.
     *
     * @param key the option name
     * @param fallback the value when absent
     * @return the value
     */
    public String get(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /**
     * Returns an option as an integer.
     *
     * @param key the option name
     * @param fallback the value when absent
     * @return the value
     * @throws IllegalArgumentException if the value is not an integer
     */
    public int getInt(String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "backend option '" + key + "' must be an integer, found '" + v + "'", e);
        }
    }
}
