package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credence demo}: the main job on the embedded default backend. For now it fits a logistic
 * regression by gradient descent through the public API (tensors, autodiff, random keys); the model
 * issues replace it with a BNN and a VAE.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the demonstration job (default backend: jvm).")
public final class DemoCommand implements Callable<Integer> {
    private final Backends backends;

    @Spec CommandSpec spec;

    @Option(
            names = "--backend",
            defaultValue = "jvm",
            description = "Backend name (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--steps",
            defaultValue = "300",
            description = "Gradient steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    /**
     * Creates the command.
     *
     * @param backends the registry
     */
    @Inject
    public DemoCommand(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Integer call() {
        if (steps < 10) {
            throw new IllegalArgumentException("--steps must be at least 10, found " + steps);
        }
        PrintWriter out = spec.commandLine().getOut();
        Backend b = backends.select(backend);
        out.printf("Logistic regression by gradient descent on backend %s%n", b.name());
        out.println("(2,000 simulated rows, 5 features; gradients by reverse-mode autodiff)");
        var r = LogisticRegressionFit.run(b, seed, 2000, 5, steps, 0.5, out);
        out.println();
        out.printf("%-8s %10s %10s%n", "weight", "true", "fitted");
        for (int i = 0; i < r.trueWeights().length; i++) {
            out.printf(
                    Locale.ROOT, "w[%d]     %10.4f %10.4f%n", i, r.trueWeights()[i], r.fitted()[i]);
        }
        out.printf(
                Locale.ROOT,
                "%nfinal mean NLL %.5f, training accuracy %.3f, %d steps in %.2f s%n",
                r.finalLoss(),
                r.accuracy(),
                steps,
                r.seconds());
        out.flush();
        return ExitCodes.OK;
    }
}
