package dev.credence.cli;

import dev.credence.plot.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credence report RUN_DIR}: writes the run's HTML report ({@code report.html}: summary with
 * R-hat and ESS colouring, figures, warnings, run records) into its folder. {@code sample}, {@code
 * bnn fit} and {@code vae train} write it themselves at the end of a run; this command writes it
 * again, for a folder made by an older version, say.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write the HTML report of a run folder (report.html inside it).")
public final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run's output folder.")
    Path dir;

    @Option(
            names = "--figures",
            paramLabel = "DIR",
            description =
                    "Also write each figure of the report as PNG and SVG files into DIR (trace,"
                            + " rank, pairs, energy, autocorrelation, elbo).")
    Path figures;

    /** Created by picocli through Guice. */
    public ReportCommand() {}

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CommandFailure(
                    ExitCode.DATA, "no run folder at " + dir + "; give the --output of a run");
        }
        Path page = RunReport.write(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + page);
        if (figures != null) {
            for (Path f : RunReport.writeFigures(dir, figures)) {
                out.println("wrote " + f);
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
