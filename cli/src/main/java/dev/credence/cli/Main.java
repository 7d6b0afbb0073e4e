package dev.credence.cli;

import com.google.inject.Guice;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Runs the command with explicit streams and bindings; what tests call. Nothing escapes: every
     * failure, errors such as {@link OutOfMemoryError} included, becomes a message and an {@link
     * ExitCode}, and every output folder the command claimed is released.
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
        RunFolders folders = new RunFolders();
        ErrorHandler handler = new ErrorHandler(folders);
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cmd;
        try {
            List<Module> modules = new ArrayList<>(List.of(bindings));
            modules.add(binder -> binder.bind(RunFolders.class).toInstance(folders));
            cmd =
                    new CommandLine(
                            CredenceCommand.class, new GuiceFactory(Guice.createInjector(modules)));
        } catch (RuntimeException e) {
            err.println("credence: error: could not start: " + Failures.message(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCode.INTERNAL.code();
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(handler);
        cmd.setParameterExceptionHandler(
                (ex, a) -> {
                    err.println("credence: " + ex.getMessage());
                    err.println(
                            "(see: "
                                    + ex.getCommandLine().getCommandSpec().qualifiedName()
                                    + " --help)");
                    err.flush();
                    return ExitCode.USAGE.code();
                });
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(" " + c.code(), c.meaning());
        }
        cmd.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(codes);
        try {
            return cmd.execute(args);
        } catch (Throwable t) {
            // picocli hands Exceptions to the handler but lets Errors through.
            return handler.report(t, err, verbose);
        } finally {
            folders.closeAll();
        }
    }
}
