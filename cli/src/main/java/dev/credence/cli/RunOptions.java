package dev.credence.cli;

import picocli.CommandLine.Option;

/**
 * The options every computing command shares, as a picocli mixin: {@code --seed} and {@code
 * --backend}.
 */
public final class RunOptions {
    /** The seed of the run's root random key. */
    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The backend's name, or null for the default choice ({@link BackendChoice}). */
    @Option(names = "--backend", paramLabel = "NAME", description = BackendChoice.OPTION_HELP)
    String backend;

    /** Created by picocli. */
    public RunOptions() {}
}
