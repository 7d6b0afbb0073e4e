package dev.credence.cli;

import picocli.CommandLine.Option;

/** The {@code --verbose} option of every command, as a picocli mixin. */
public final class VerboseOption {
    /** Print stack traces on errors. */
    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    /** Created by picocli. */
    public VerboseOption() {}
}
