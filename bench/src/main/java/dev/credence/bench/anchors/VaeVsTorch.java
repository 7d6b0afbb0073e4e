package dev.credence.bench.anchors;

import dev.credence.io.data.Datasets;
import dev.credence.io.data.NamedDataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VAE side by side with PyTorch's ({@code ../shared/anchors/vae_torch.py}): the same model,
 * loss, optimizer, batch size and data, trained for the same epochs, one after the other on this
 * machine: first PyTorch, then Credence on each backend named, each in a JVM of its own ({@link
 * VaeBackendRun}). Prints every epoch as it ends, then a table: test loss per example (negative
 * ELBO, nats) and its difference from PyTorch's, seconds per epoch and their ratio to PyTorch's,
 * and the resident set after each epoch (it should not grow) with its peak.
 *
 * <pre>
 * java -cp ... dev.credence.bench.anchors.VaeVsTorch TORCH_SCRIPT EPOCHS BACKENDS [DATA_DIR]
 * </pre>
 *
 * {@code BACKENDS} is a comma-separated list ({@code jvm,djl,nd4j}); the anchor's {@code THREADS}
 * (default 2) is passed on as PyTorch's thread count, for DJL and ND4J too ({@code
 * OMP_NUM_THREADS}); {@code PYTHON} names the interpreter that has torch (default {@code python3}).
 * The JVM options of this process (heap, native cache folder) are passed to the workers.
 */
public final class VaeVsTorch {
    private static final Pattern TORCH =
            Pattern.compile(
                    "epoch (\\d+) time_s ([0-9.]+) train_loss ([0-9.-]+) test_loss ([0-9.-]+)");
    private static final Pattern CREDENCE =
            Pattern.compile(
                    "credence\\[(\\S+)\\] epoch (\\d+) time_s ([0-9.]+) train_loss (\\S+) test_loss"
                            + " (\\S+) rss_mb (-?\\d+) peak_rss_mb (-?\\d+)");

    private VaeVsTorch() {}

    /** One epoch of one side. */
    record Epoch(double seconds, double testLoss, long rssMb, long peakMb) {}

    /**
     * Runs the comparison.
     *
     * @param args the anchor script, epochs, backends, optional data folder
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: VaeVsTorch TORCH_SCRIPT EPOCHS BACKENDS [DATA_DIR]");
            System.exit(2);
        }
        String script = args[0];
        String epochs = args[1];
        String data = args.length > 3 ? args[3] : dataFolder();
        String threads = System.getenv().getOrDefault("THREADS", "2");
        Map<String, List<Epoch>> runs = new LinkedHashMap<>();

        System.out.println("--- PyTorch (" + threads + " threads) on " + data + " ---");
        String python = System.getenv().getOrDefault("PYTHON", "python3");
        runs.put("torch", run(List.of(python, script, data, epochs), "torch", threads));
        for (String backend : args[2].split(",")) {
            System.out.println("--- Credence, backend " + backend + " ---");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
            cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(VaeBackendRun.class.getName());
            cmd.addAll(List.of(backend.trim(), epochs, data));
            runs.put(backend.trim(), run(cmd, backend.trim(), threads));
        }
        print(runs);
    }

    /** The folder {@link Datasets} finds Fashion-MNIST in, for the PyTorch script. */
    private static String dataFolder() throws IOException {
        NamedDataset set = NamedDataset.FASHION_MNIST;
        return Datasets.builder()
                .download(false)
                .build()
                .locate(set, set.test().images(), null)
                .getParent()
                .toString();
    }

    private static List<Epoch> run(List<String> cmd, String side, String threads)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("THREADS", threads);
        pb.environment().put("OMP_NUM_THREADS", threads);
        if (side.equals("torch")) {
            // The anchor runs as a user runs it: without the allocator settings that the credence
            // launcher (and bench/native-env.sh, for the Credence sides) gives native backends.
            pb.environment().remove("GLIBC_TUNABLES");
        }
        Process p = pb.start();
        List<Epoch> epochs = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println(line);
                Matcher c = CREDENCE.matcher(line);
                Matcher t = TORCH.matcher(line);
                if (c.find()) {
                    epochs.add(
                            new Epoch(
                                    Double.parseDouble(c.group(3)),
                                    Double.parseDouble(c.group(5)),
                                    Long.parseLong(c.group(6)),
                                    Long.parseLong(c.group(7))));
                } else if (t.find() && side.equals("torch")) {
                    epochs.add(
                            new Epoch(
                                    Double.parseDouble(t.group(2)),
                                    Double.parseDouble(t.group(4)),
                                    -1,
                                    -1));
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            System.out.println("(" + side + " exited with status " + rc + ")");
        }
        return epochs;
    }

    private static void print(Map<String, List<Epoch>> runs) {
        List<Epoch> torch = runs.get("torch");
        System.out.println();
        System.out.println(
                "| side | epoch | test loss | vs torch | s/epoch | vs torch | RSS MB | peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (var e : runs.entrySet()) {
            List<Epoch> es = e.getValue();
            for (int i = 0; i < es.size(); i++) {
                Epoch x = es.get(i);
                Epoch t = i < torch.size() ? torch.get(i) : null;
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %.2f | %s | %.1f | %s | %s | %s |%n",
                        e.getKey(),
                        i + 1,
                        x.testLoss(),
                        t == null
                                ? ""
                                : String.format(Locale.ROOT, "%+.2f", x.testLoss() - t.testLoss()),
                        x.seconds(),
                        t == null
                                ? ""
                                : String.format(Locale.ROOT, "%.2fx", x.seconds() / t.seconds()),
                        x.rssMb() < 0 ? "" : Long.toString(x.rssMb()),
                        x.peakMb() < 0 ? "" : Long.toString(x.peakMb()));
            }
        }
    }
}
