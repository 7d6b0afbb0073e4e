package dev.credence.cli;

import dev.credence.api.backend.BackendUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns an exception from a command into one clear line on stderr and a distinct exit code. The
 * stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        err.println("credence: error: " + message(e));
        boolean verbose = parsed != null && parsed.hasMatchedOption("--verbose");
        CommandLine.ParseResult p = parsed;
        while (!verbose && p != null && p.hasSubcommand()) {
            p = p.subcommand();
            verbose = p.hasMatchedOption("--verbose");
        }
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --verbose for details)");
        }
        err.flush();
        return exitCode(e);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static int exitCode(Throwable e) {
        if (e instanceof BackendUnavailableException) {
            return ExitCodes.BACKEND_UNAVAILABLE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCodes.DATA;
        }
        if (e instanceof ArithmeticException) {
            return ExitCodes.NUMERICAL;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.INTERNAL;
    }
}
