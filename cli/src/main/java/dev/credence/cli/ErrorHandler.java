package dev.credence.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns a failure into one clear line on stderr, a line on what the output folder now holds if the
 * command had claimed one, and a distinct exit code ({@link Failures}). The stack trace is printed
 * only with {@code --verbose}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private final RunFolders folders;

    ErrorHandler(RunFolders folders) {
        this.folders = folders;
    }

    @Override
    public int handleExecutionException(
            Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(e, cmd.getErr(), verbose(parsed));
    }

    /**
     * Reports a failure.
     *
     * @param e what escaped the command
     * @param err standard error
     * @param verbose whether to print the stack trace
     * @return the exit code
     */
    int report(Throwable e, PrintWriter err, boolean verbose) {
        Failures.Failure f = Failures.classify(e);
        err.println("credence: error: " + f.message());
        for (String line : folders.failed(e)) {
            err.println("credence: " + line);
        }
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --verbose for details)");
        }
        err.flush();
        return f.code().code();
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
            if (!p.hasSubcommand()) {
                break;
            }
        }
        return false;
    }
}
