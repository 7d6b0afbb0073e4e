package dev.credence.cli;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Backends;
import dev.credence.io.Versions;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code credence backends}: every discovered backend, whether it can run here (and why not), its
 * device and its plugin's version; then each backend of an optional pack that is not installed,
 * with the one line that installs it.
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %-9s %-12s %-7s %s%n", "NAME", "PRIORITY", "STATUS", "DEVICE", "DETAILS");
        for (BackendProvider p : backends.providers()) {
            Availability a = Backends.availabilityOf(p);
            String device = "-";
            String details = a.reason();
            if (a.available()) {
                details = "api " + p.apiVersion() + ", version " + Versions.of(p.getClass());
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
        for (BackendPack pack : BackendPack.values()) {
            for (String name : pack.backends()) {
                if (backends.find(name).isEmpty()) {
                    out.printf(
                            "%-10s %-9s %-12s %-7s %s%n",
                            name,
                            "-",
                            "not installed",
                            "-",
                            "in the " + pack.id() + " pack; to install: " + pack.installHint());
                }
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
