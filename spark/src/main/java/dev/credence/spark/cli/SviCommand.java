package dev.credence.spark.cli;

import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.inference.vi.AutoNormal;
import dev.credence.inference.vi.SviResult;
import dev.credence.inference.vi.SviSettings;
import dev.credence.inference.vi.TraceElbo;
import dev.credence.io.CheckpointStore;
import dev.credence.spark.Shards;
import dev.credence.spark.svi.DataParallelSvi;
import dev.credence.spark.svi.SviSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code svi}: data-parallel SVI of a built-in model with a mean-field guide. */
@Command(name = "svi", description = "Data-parallel SVI: one Spark job per step.")
final class SviCommand implements Callable<Integer> {
    @Mixin TableOptions table;

    @Option(names = "--steps", defaultValue = "1000", description = "SVI steps (default 1000)")
    long steps;

    @Option(names = "--lr", defaultValue = "0.05", description = "Adam's learning rate")
    double lr;

    @Option(
            names = "--batch-fraction",
            defaultValue = "1",
            description = "fraction of each partition's rows per step (default 1: full batch)")
    double fraction;

    @Option(
            names = "--checkpoint-dir",
            description = "checkpoint folder on the driver (resumes from it when present)")
    Path checkpointDir;

    @Option(
            names = "--checkpoint-every",
            defaultValue = "100",
            description = "steps per checkpoint")
    long every;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Shards shards = Shards.of(table.read(Main.session()), table.features, table.target);
        try {
            DataParallelSvi svi =
                    new DataParallelSvi(shards, sviSpec(table, fraction), Adam.of(lr));
            SviSettings settings = SviSettings.of(steps);
            if (checkpointDir != null) {
                if (every < 1 || steps % every != 0) {
                    throw new IllegalArgumentException(
                            "--steps ("
                                    + steps
                                    + ") must be a multiple of --checkpoint-every ("
                                    + every
                                    + "), so that the last step is checkpointed");
                }
                settings = settings.withCheckpoints(every, store(checkpointDir), true);
            }
            RandomKey key = table.key();
            long t0 = System.nanoTime();
            SviResult r = svi.run(key, settings, ProgressListener.NONE);
            out.printf(
                    "svi: %d steps over %d partitions (%d rows) in %.1f s, mean ELBO of the last"
                            + " 50 steps %.3f%n",
                    steps,
                    shards.partitions(),
                    shards.totalRows(),
                    (System.nanoTime() - t0) / 1e9,
                    r.meanElbo(50));
            Posterior post = svi.posterior(key, r.state(), key.fold(-1));
            for (ParameterSummary s : post.summary()) {
                out.printf("%-14s mean %9.4f  sd %8.4f%n", s.name(), s.mean(), s.sd());
            }
            out.flush();
            return 0;
        } finally {
            shards.release();
        }
    }

    /** The spec the svi and predict commands share. */
    static SviSpec sviSpec(TableOptions table, double fraction) {
        return SviSpec.of(table.model(), AutoNormal::new, () -> new TraceElbo(1), table.backend)
                .withBatchFraction(fraction);
    }

    /**
     * The driver's SVI state in a checkpoint file inside a folder.
     *
     * @param dir the folder
     * @return the store
     */
    static CheckpointStore store(Path dir) {
        return CheckpointStore.at(dir.resolve("svi.ckpt"));
    }
}
