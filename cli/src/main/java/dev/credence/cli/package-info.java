/**
 * The {@code credence} command line. {@link dev.credence.cli.Main} builds a Guice injector ({@link
 * dev.credence.cli.CliModule} binds the plugin registries and the named data sets) and lets picocli
 * create one small command class per subcommand through it.
 *
 * <p>A command checks its options ({@link dev.credence.cli.check}), reads and checks its input,
 * then claims its output folder ({@link dev.credence.cli.folder}) before any work starts. Errors
 * become one line on stderr, a line on what the output folder now holds, and a distinct exit code
 * ({@link dev.credence.cli.ExitCode}, classified by {@code Failures}).
 */
package dev.credence.cli;
