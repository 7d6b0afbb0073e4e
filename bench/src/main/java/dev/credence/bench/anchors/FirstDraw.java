package dev.credence.bench.anchors;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.models.posteriordb.Panel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Time to the first draw, as a user's fresh process sees it: one NUTS chain of one draw without
 * warm-up on a panel posterior, with the seconds since the JVM started at each stage. The stages:
 * {@code main_s} (the JVM's own start-up, until this class's {@code main} runs), {@code model_s}
 * (backend discovery, data and model), {@code first_draw_s} (recording, compiling and checking the
 * potential, then one transition).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.credence.bench.anchors.FirstDraw PANEL_DIR NAME
 * </pre>
 */
public final class FirstDraw {
    private FirstDraw() {}

    /**
     * Runs one posterior's first draw.
     *
     * @param args the panel folder and the posterior's name
     * @throws Exception if the data cannot be read
     */
    public static void main(String[] args) throws Exception {
        double main = sinceStart();
        if (args.length < 2) {
            System.err.println("usage: FirstDraw PANEL_DIR NAME");
            System.exit(2);
        }
        Backend b = Backends.discover().select("jvm");
        Model model = Panel.load(args[1], b, Path.of(args[0]));
        double loaded = sinceStart();
        Inferences.discover()
                .create(
                        "nuts",
                        InferenceConfig.of(
                                Map.of("chains", "1", "num-warmup", "0", "num-samples", "1"),
                                RandomKey.of(4711),
                                null))
                .fit(model);
        System.out.printf(
                Locale.ROOT,
                "first_draw name=%s main_s=%.3f model_s=%.3f first_draw_s=%.3f%n",
                args[1],
                main,
                loaded,
                sinceStart());
    }

    private static double sinceStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                / 1e3;
    }
}
