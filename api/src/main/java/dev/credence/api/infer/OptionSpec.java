package dev.credence.api.infer;

/**
 * One option an inference algorithm accepts, for listings and for validating configurations.
 *
 * @param name the option name, e.g. {@code num-warmup}
 * @param defaultValue the value used when the option is absent
 * @param description one line for users
 */
public record OptionSpec(String name, String defaultValue, String description) {}
