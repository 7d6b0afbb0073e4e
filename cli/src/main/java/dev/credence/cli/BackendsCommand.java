package dev.credence.cli;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Backends;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code credence backends}: every discovered backend, whether it can run here (and why not), its
 * device and its version.
 */
@Command(
        name = "backends",
        mixinStandardHelpOptions = true,
        description = "List the discovered backends with their availability.")
public final class BackendsCommand implements Callable<Integer> {
    private final Backends backends;

    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    /**
     * Creates the command.
     *
     * @param backends the registry
     */
    @Inject
    public BackendsCommand(Backends backends) {
        this.backends = backends;
    }

    /** The module version on the module path, else the jar manifest's, else "development". */
    private static String version(BackendProvider p) {
        var d = p.getClass().getModule().getDescriptor();
        if (d != null && d.rawVersion().isPresent()) {
            return d.rawVersion().get();
        }
        String v = p.getClass().getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %-9s %-12s %-7s %s%n", "NAME", "PRIORITY", "STATUS", "DEVICE", "DETAILS");
        for (BackendProvider p : backends.providers()) {
            Availability a = Backends.availabilityOf(p);
            String device = "-";
            String details = a.reason();
            if (a.available()) {
                details = "api " + p.apiVersion() + ", version " + version(p);
                try (var b = p.create(dev.credence.api.backend.BackendConfig.defaults())) {
                    device = b.device().toString();
                } catch (RuntimeException e) {
                    device = "?";
                    details += " (could not start: " + Failures.message(e) + ")";
                }
            }
            out.printf(
                    "%-10s %-9d %-12s %-7s %s%n",
                    p.name(),
                    p.priority(),
                    a.available() ? "available" : "unavailable",
                    device,
                    details);
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
