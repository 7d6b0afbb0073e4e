package dev.credence.cli;

import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Option;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code credence inferences}: the installed inference algorithms and their options. */
@Command(
        name = "inferences",
        mixinStandardHelpOptions = true,
        description = "List the installed inference algorithms with their options and defaults.")
public final class InferencesCommand implements Callable<Integer> {
    private final Inferences inferences;

    @Spec CommandSpec spec;

    /**
     * Creates the command.
     *
     * @param inferences the registry
     */
    @Inject
    public InferencesCommand(Inferences inferences) {
        this.inferences = inferences;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (inferences.providers().isEmpty()) {
            out.println("no inference algorithms installed");
        }
        for (InferenceProvider p : inferences.providers()) {
            out.printf("%s  %s%n", p.name(), p.description());
            for (Option<?> o : p.options()) {
                Object d = o.defaultValue();
                out.printf(
                        "    %-18s %-10s %s; %s%n",
                        o.name(), d == null ? "(none)" : d, o.help(), o.allowed());
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
