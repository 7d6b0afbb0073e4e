package dev.credence.cli;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.credence.io.data.Datasets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs {@code credence} commands in this JVM with captured output, against the real plugins and,
 * when given, a registry of small image sets in place of Fashion-MNIST and MNIST.
 */
final class CliRunner {
    private final Module bindings;

    /** The outcome of one command; {@code escaped} is what got past the command line, if any. */
    record Outcome(int code, String out, String err, Throwable escaped) {
        Outcome(int code, String out, String err) {
            this(code, out, err, null);
        }
    }

    private CliRunner(Module bindings) {
        this.bindings = bindings;
    }

    /** A runner with the production bindings. */
    static CliRunner standard() {
        return new CliRunner(new CliModule());
    }

    /** A runner whose named data sets are {@link TinyImages}' ones. */
    static CliRunner withTinyImages(Path root) throws java.io.IOException {
        Datasets sets = TinyImages.registry(root.resolve("images"), root.resolve("cache"));
        return new CliRunner(
                Modules.override(new CliModule())
                        .with(binder -> binder.bind(Datasets.class).toInstance(sets)));
    }

    /** Runs a command with the given streams; what {@link ForkedCli} calls. */
    int runTo(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, out, err, bindings);
    }

    Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            int code =
                    Main.run(
                            args, new PrintWriter(out, true), new PrintWriter(err, true), bindings);
            return new Outcome(code, out.toString(), err.toString());
        } catch (Throwable t) {
            return new Outcome(-1, out.toString(), err.toString(), t);
        }
    }
}
