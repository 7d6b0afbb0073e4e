package dev.credence.cli;

import com.google.inject.Guice;
import com.google.inject.Module;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code credence} command. */
public final class Main {
    private static final String GUICE_BYTECODE = "guice_bytecode_gen_option";

    private Main() {}

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code =
                run(
                        args,
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true),
                        new CliModule());
        System.exit(code);
    }

    /**
     * Runs the command with explicit streams and bindings; what tests call.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @param bindings the Guice modules (normally {@link CliModule})
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Module... bindings) {
        // On the module path Guice's generated fast classes cannot see into named modules;
        // reflection (allowed by `opens dev.credence.cli to com.google.guice`) works everywhere.
        if (System.getProperty(GUICE_BYTECODE) == null) {
            System.setProperty(GUICE_BYTECODE, "DISABLED");
        }
        CommandLine cmd;
        try {
            var injector = Guice.createInjector(bindings);
            cmd = new CommandLine(CredenceCommand.class, new GuiceFactory(injector));
        } catch (RuntimeException e) {
            err.println("credence: error: could not start: " + ErrorHandler.message(e));
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setParameterExceptionHandler(
                (ex, a) -> {
                    err.println("credence: " + ex.getMessage());
                    err.println(
                            "(see: "
                                    + ex.getCommandLine().getCommandSpec().qualifiedName()
                                    + " --help)");
                    err.flush();
                    return ExitCodes.USAGE;
                });
        return cmd.execute(args);
    }
}
