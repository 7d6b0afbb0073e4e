package dev.credence.spark.cli;

import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.inference.vi.Svi;
import dev.credence.inference.vi.SviSettings;
import dev.credence.inference.vi.SviState;
import dev.credence.spark.Shard;
import dev.credence.spark.predict.DistributedPredictor;
import dev.credence.spark.predict.PredictionSpec;
import dev.credence.spark.svi.DataParallelSvi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code predict}: posterior prediction over a table from the checkpoint of an {@code svi} run. */
@Command(
        name = "predict",
        description = "Adds predictive mean, sd, epistemic/aleatoric sds and quantiles to a table.")
final class PredictCommand implements Callable<Integer> {
    @Mixin TableOptions table;

    @Option(
            names = "--checkpoint-dir",
            required = true,
            description = "the checkpoint folder of a finished svi run (same model, seed)")
    Path checkpointDir;

    @Option(names = "--steps", required = true, description = "the steps of that svi run")
    long steps;

    @Option(names = "--draws", defaultValue = "100", description = "posterior draws (default 100)")
    int draws;

    @Option(
            names = "--quantiles",
            split = ",",
            defaultValue = "0.05,0.5,0.95",
            description = "predictive quantiles (linear model only; default 0.05,0.5,0.95)")
    double[] quantiles;

    @Option(names = "--batch-rows", defaultValue = "1024", description = "rows per model run")
    int batchRows;

    @Option(names = "--output", required = true, description = "where to write the table")
    String output;

    @Option(
            names = "--output-format",
            defaultValue = "parquet",
            description = "parquet, csv or json (default parquet)")
    String outputFormat;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = Main.session();
        Dataset<Row> rows = table.read(spark);
        RandomKey key = table.key();
        Posterior post = restore(rows, key);
        double[] q = table.model.equals("linear") ? quantiles : new double[0];
        PredictionSpec p =
                DistributedPredictor.spec(
                        table.model(),
                        post,
                        key.fold(-2),
                        draws,
                        "y",
                        table.features,
                        q,
                        table.backend);
        p =
                new PredictionSpec(
                        p.model(), p.draws(), "y", p.features(), q, table.backend, batchRows, "y");
        long t0 = System.nanoTime();
        var writer =
                DistributedPredictor.predict(rows, p)
                        .write()
                        .mode("overwrite")
                        .format(outputFormat);
        if (outputFormat.equals("csv")) {
            writer = writer.option("header", "true");
        }
        writer.save(output);
        out.printf(
                "predict: %s with columns %s in %.1f s%n",
                output, p.columns(), (System.nanoTime() - t0) / 1e9);
        out.flush();
        return 0;
    }

    /** The fitted guide, reloaded from the checkpoint at the run's last step. */
    private Posterior restore(Dataset<Row> rows, RandomKey key) {
        Row first =
                rows.select(
                                table.features.stream()
                                        .map(rows::col)
                                        .toArray(org.apache.spark.sql.Column[]::new))
                        .first();
        double[] x = new double[table.features.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = ((Number) first.get(j)).doubleValue();
        }
        Shard head = new Shard(0, 1, x.length, x, new double[] {0});
        Svi driver =
                DataParallelSvi.driverSvi(SviCommand.sviSpec(table, 1), head, Adam.of(0.01), key);
        SviSettings settings =
                SviSettings.of(steps).withCheckpoints(steps, SviCommand.store(checkpointDir), true);
        SviState state =
                driver.run(
                                key,
                                settings,
                                ProgressListener.NONE,
                                (s, k) -> {
                                    throw new IllegalArgumentException(
                                            "the checkpoint in "
                                                    + checkpointDir
                                                    + " is at step "
                                                    + s.step()
                                                    + ", not "
                                                    + steps
                                                    + ": finish the svi run first");
                                })
                        .state();
        return driver.posterior(state, key.fold(-1));
    }
}
