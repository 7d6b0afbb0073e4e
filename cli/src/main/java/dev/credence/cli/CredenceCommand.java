package dev.credence.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; run a subcommand, or {@code credence --help}. */
@Command(
        name = "credence",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Bayesian deep learning on the JVM: fit, sample and evaluate models.",
        subcommands = {
            BackendsCommand.class,
            InferencesCommand.class,
            SampleCommand.class,
            SbcCommand.class,
            VaeCommand.class,
            BnnCommand.class,
            DemoCommand.class,
            ReportCommand.class
        })
public final class CredenceCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    /** Created by picocli through Guice. */
    public CredenceCommand() {}

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("credence: a subcommand is required");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCode.USAGE.code();
    }
}
