package dev.credence.spark.bench;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.inference.vi.AutoNormal;
import dev.credence.inference.vi.Svi;
import dev.credence.inference.vi.SviSettings;
import dev.credence.inference.vi.TraceElbo;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.LocalSpark;
import dev.credence.spark.Shards;
import dev.credence.spark.TestModels;
import dev.credence.spark.fits.ManyFits;
import dev.credence.spark.svi.DataParallelSvi;
import dev.credence.spark.svi.SviSpec;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Wall time of data-parallel SVI (full batch, logistic regression with 4 features, rows over 8
 * partitions) and of many fits (independent NUTS fits as tasks) at 1 and 2 executor cores, beside
 * single-process SVI on the same rows.
 *
 * <p>Arguments: SVI rows (200000), SVI steps (30), fits (8).
 */
public final class ScalingBench {
    private ScalingBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int fits = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        double[][] rows = TestModels.logisticRows(n, new double[] {0.8, -0.5, 0.3, -0.2}, 7);
        List<String> x = List.of("x1", "x2", "x3", "x4");
        SviSpec spec =
                SviSpec.of(TestModels.logistic(4), AutoNormal::new, () -> new TraceElbo(1), "jvm");

        Backend b = ExecutorBackends.get("jvm");
        Model all = TestModels.logistic(4).model(TestModels.shard(rows).toBatch(b));
        Svi single =
                new Svi(
                        all,
                        new AutoNormal(all, DataParallelSvi.guideKey(RandomKey.of(1))),
                        Adam.of(0.05),
                        new TraceElbo(1));
        single.run(RandomKey.of(1), SviSettings.of(3), ProgressListener.NONE);
        long t0 = System.nanoTime();
        single.run(RandomKey.of(1), SviSettings.of(steps), ProgressListener.NONE);
        double tSingle = BenchSupport.seconds(t0) / steps;
        t0 = System.nanoTime();
        for (int i = 0; i < fits; i++) {
            replicate(RandomKey.of(3).fold(i));
        }
        double tLoop = BenchSupport.seconds(t0);
        System.out.printf(
                "scaling: %d rows, %d steps, %d fits; %s%n", n, steps, fits, BenchSupport.load());
        System.out.printf(
                "single process: SVI %.1f ms/step; %d NUTS fits in a loop %.1f s%n",
                1000 * tSingle, fits, tLoop);
        System.out.println(
                "| executor cores | SVI ms/step (8 partitions) | empty 8-task job ms | many fits s | load |");
        System.out.println("|---|---|---|---|---|");
        for (int cores : new int[] {1, 2, 1, 2}) {
            SparkSession spark = BenchSupport.session(cores);
            Shards shards =
                    Shards.of(
                            LocalSpark.table(spark, List.of("x1", "x2", "x3", "x4", "y"), rows, 8),
                            x,
                            "y");
            DataParallelSvi svi = new DataParallelSvi(shards, spec, Adam.of(0.05));
            svi.run(RandomKey.of(1), SviSettings.of(5), ProgressListener.NONE);
            t0 = System.nanoTime();
            svi.run(RandomKey.of(1), SviSettings.of(steps), ProgressListener.NONE);
            double tSvi = BenchSupport.seconds(t0) / steps;
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                shards.rdd().map(sh -> sh.rows()).treeAggregate(0, Integer::sum, Integer::sum, 2);
            }
            double tEmpty = BenchSupport.seconds(t0) / steps;
            shards.release();
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            t0 = System.nanoTime();
            ManyFits.indexed(sc, fits, fits, RandomKey.of(3), (i, k) -> replicate(k));
            double tFits = BenchSupport.seconds(t0);
            System.out.printf(
                    "| %d | %.1f | %.1f | %.1f | %s |%n",
                    cores, 1000 * tSvi, 1000 * tEmpty, tFits, BenchSupport.load());
            spark.stop();
        }
    }

    /** One replication: simulate 1,000 rows from a logistic regression and fit it by NUTS. */
    static double[] replicate(RandomKey key) {
        RandomKey[] k = key.split(2);
        double[] w = k[0].normalDoubles(4);
        double[][] rows = TestModels.logisticRows(1000, w, k[1].fold(0).hashCode());
        Backend b = ExecutorBackends.get("jvm");
        Map<String, String> nuts =
                Map.of("chains", "1", "num-warmup", "300", "num-samples", "300", "threads", "1");
        double[][][] v =
                Inferences.discover()
                        .create("nuts", InferenceConfig.of(nuts, k[1], ProgressListener.NONE))
                        .fit(TestModels.logistic(4).model(TestModels.shard(rows).toBatch(b)))
                        .draws(k[1], 0)
                        .values();
        return v[0][v[0].length - 1];
    }
}
