package dev.credence.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The output-folder options of every command that writes a run, as a picocli mixin: {@code
 * --output} and {@code --force} (see {@link dev.credence.cli.folder.RunFolder}).
 */
public final class OutputOptions {
    /** The output folder, or null for the default {@code runs/COMMAND-TIME}. */
    @Option(names = "--output", description = "Output folder (default: runs/<command>-<UTC time>).")
    Path output;

    /** Whether to replace the run the folder holds. */
    @Option(
            names = "--force",
            description = "Replace the run the output folder holds (its files only).")
    boolean force;

    /** Created by picocli. */
    public OutputOptions() {}
}
