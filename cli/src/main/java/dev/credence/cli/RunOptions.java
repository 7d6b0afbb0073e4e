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

    /** The backend's name. */
    @Option(
            names = "--backend",
            defaultValue = "jvm",
            description = "Backend (default: ${DEFAULT-VALUE}).")
    String backend;

    /** Created by picocli. */
    public RunOptions() {}
}
