package dev.credence.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the kernel benchmarks for one or more backends in one JMH run and prints a Markdown table:
 * per-op overhead (tape off and on), matmul GFLOP/s, and the MLP value-and-gradient time.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar [--backends jvm,nd4j,djl] [--only tiny|matmul|mlp|vae-matmul]
 *                                       [--warmup N] [--iterations N] [--forks N]
 * </pre>
 *
 * For raw JMH options use {@code java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main}.
 */
public final class BenchMain {
    private BenchMain() {}

    /**
     * Entry point.
     *
     * @param args options as above
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        String backends = "jvm";
        String only = "";
        int warmup = 3;
        int iterations = 5;
        int forks = 1;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--backends" -> backends = v;
                case "--only" -> only = v;
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--iterations" -> iterations = Integer.parseInt(v);
                case "--forks" -> forks = Integer.parseInt(v);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        ChainedOptionsBuilder o =
                new OptionsBuilder()
                        .param("backend", backends.split(","))
                        .warmupIterations(warmup)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(iterations)
                        .measurementTime(TimeValue.seconds(1))
                        .forks(forks)
                        .shouldFailOnError(false)
                        .jvmArgsAppend(forkArgs());
        List<String> includes = new ArrayList<>();
        if (only.isEmpty() || only.equals("tiny")) {
            includes.add(TinyOpBench.class.getSimpleName());
        }
        if (only.isEmpty() || only.equals("matmul")) {
            includes.add(MatmulBench.class.getSimpleName());
        }
        if (only.isEmpty() || only.equals("mlp")) {
            includes.add(MlpBench.class.getSimpleName());
        }
        if (only.isEmpty() || only.equals("vae-matmul")) {
            includes.add(VaeMatmulBench.class.getSimpleName());
        }
        for (String inc : includes) {
            o.include("dev\\.credence\\.bench\\." + inc + "\\.");
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        System.out.println();
        System.out.println(table(results));
    }

    /**
     * The forked JVMs' options: a 4 GB heap, the Vector API when this JVM has it (the jvm backend's
     * vectorised kernels use it; bench/kernels.sh adds it unless VECTOR=off), and libtorch's thread
     * count when this JVM has one (bench/kernels.sh sets it from THREADS).
     */
    private static String[] forkArgs() {
        List<String> args = new ArrayList<>(List.of("-Xmx4g"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            args.add("--add-modules=jdk.incubator.vector");
        }
        String torchThreads = System.getProperty("ai.djl.pytorch.num_threads");
        if (torchThreads != null) {
            args.add("-Dai.djl.pytorch.num_threads=" + torchThreads);
        }
        return args.toArray(new String[0]);
    }

    static String table(Collection<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| backend | benchmark | params | score | unit | derived |\n");
        sb.append("|---|---|---|---:|---|---:|\n");
        for (RunResult r : results) {
            var p = r.getParams();
            String name = p.getBenchmark().replace("dev.credence.bench.", "");
            double score = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            String unit = r.getPrimaryResult().getScoreUnit();
            StringBuilder params = new StringBuilder();
            for (String k : p.getParamsKeys()) {
                if (!k.equals("backend")) {
                    params.append(k).append('=').append(p.getParam(k)).append(' ');
                }
            }
            String derived = "";
            if (name.startsWith("MatmulBench")) {
                int n = Integer.parseInt(p.getParam("n"));
                double seconds = score * 1e-6;
                derived =
                        String.format(Locale.ROOT, "%.2f GFLOP/s", 2.0 * n * n * n / seconds / 1e9);
            } else if (name.startsWith("VaeMatmulBench")) {
                double flops = VaeMatmulBench.flops(p.getParam("product"));
                derived = String.format(Locale.ROOT, "%.2f GFLOP/s", flops / (score * 1e-6) / 1e9);
            }
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s| %.3f ± %.3f | %s | %s |%n",
                            p.getParam("backend"),
                            name,
                            params,
                            score,
                            Double.isNaN(err) ? 0 : err,
                            unit,
                            derived));
        }
        return sb.toString();
    }
}
