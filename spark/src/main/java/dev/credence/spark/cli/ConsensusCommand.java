package dev.credence.spark.cli;

import dev.credence.spark.Shards;
import dev.credence.spark.mcmc.ConsensusMonteCarlo;
import dev.credence.spark.mcmc.ConsensusResult;
import dev.credence.spark.mcmc.ConsensusSpec;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code consensus}: consensus Monte Carlo with NUTS on every partition. */
@Command(name = "consensus", description = "Consensus Monte Carlo: NUTS per partition, combined.")
final class ConsensusCommand implements Callable<Integer> {
    @Mixin TableOptions table;

    @Option(names = "--chains", defaultValue = "2", description = "NUTS chains per partition")
    int chains;

    @Option(names = "--num-warmup", defaultValue = "500", description = "warm-up iterations")
    int warmup;

    @Option(names = "--num-samples", defaultValue = "1000", description = "draws per chain")
    int samples;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Shards shards = Shards.of(table.read(Main.session()), table.features, table.target);
        try {
            Map<String, String> nuts =
                    Map.of(
                            "chains", "" + chains,
                            "num-warmup", "" + warmup,
                            "num-samples", "" + samples);
            long t0 = System.nanoTime();
            ConsensusResult r =
                    new ConsensusMonteCarlo(
                                    shards, ConsensusSpec.nuts(table.model(), table.backend, nuts))
                            .run(table.key());
            out.printf(
                    "consensus: %d sub-posteriors (%d rows) in %.1f s, %d divergences%n",
                    r.shards().size(),
                    shards.totalRows(),
                    (System.nanoTime() - t0) / 1e9,
                    r.divergences());
            double[] m = r.mean();
            double[] sd = r.sd();
            for (int i = 0; i < m.length; i++) {
                out.printf("%-14s mean %9.4f  sd %8.4f%n", r.names().get(i), m[i], sd[i]);
            }
            out.flush();
            return 0;
        } finally {
            shards.release();
        }
    }
}
