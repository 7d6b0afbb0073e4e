package dev.credence.cli;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Backends;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence backends}: every discovered backend, whether it can run here, and why not. */
@Command(
        name = "backends",
        mixinStandardHelpOptions = true,
        description = "List the discovered backends with their availability.")
public final class BackendsCommand implements Callable<Integer> {
    private final Backends backends;

    @Spec CommandSpec spec;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    /**
     * Creates the command.
     *
     * @param backends the registry
     */
    @Inject
    public BackendsCommand(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %-9s %-12s %s%n", "NAME", "PRIORITY", "STATUS", "DETAILS");
        for (BackendProvider p : backends.providers()) {
            Availability a = Backends.availabilityOf(p);
            String details = a.available() ? "api " + p.apiVersion() : a.reason();
            out.printf(
                    "%-10s %-9d %-12s %s%n",
                    p.name(), p.priority(), a.available() ? "available" : "unavailable", details);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
