/**
 * The {@code credence} command line. {@link dev.credence.cli.Main} builds a Guice injector ({@link
 * dev.credence.cli.CliModule} binds the plugin registries) and lets picocli create one small
 * command class per subcommand through it. Errors become one line on stderr and a distinct exit
 * code ({@link dev.credence.cli.ExitCodes}).
 */
package dev.credence.cli;
