package dev.credence.spark.bench;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.LocalSpark;
import dev.credence.spark.Shards;
import dev.credence.spark.TestModels;
import dev.credence.spark.mcmc.ConsensusMonteCarlo;
import dev.credence.spark.mcmc.ConsensusResult;
import dev.credence.spark.mcmc.ConsensusSpec;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Consensus Monte Carlo on a 100,000-row Bayesian logistic regression (4 features and an intercept)
 * over 8 partitions against full-data NUTS with the same settings: prints, per parameter, both
 * means and sds and the distance of the means in full-posterior sds.
 *
 * <p>Arguments: rows (100000), partitions (8), cores (2), chains (2), warm-up (500), draws (1000).
 */
public final class ConsensusBench {
    private ConsensusBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int parts = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int cores = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Map<String, String> nuts =
                Map.of(
                        "chains", args.length > 3 ? args[3] : "2",
                        "num-warmup", args.length > 4 ? args[4] : "500",
                        "num-samples", args.length > 5 ? args[5] : "1000",
                        "threads", "" + cores);
        double[] w = {0.8, -0.5, 0.3, -0.2};
        double[][] rows = TestModels.logisticRows(n, w, 2026);
        SparkSession spark = BenchSupport.session(cores);
        System.out.println(
                "consensus MC: "
                        + n
                        + " rows, "
                        + parts
                        + " partitions, local["
                        + cores
                        + "], NUTS "
                        + nuts
                        + ", "
                        + BenchSupport.load());
        Shards shards =
                Shards.of(
                        LocalSpark.table(spark, List.of("x1", "x2", "x3", "x4", "y"), rows, parts),
                        List.of("x1", "x2", "x3", "x4"),
                        "y");
        long t0 = System.nanoTime();
        Map<String, String> perShard = new java.util.HashMap<>(nuts);
        perShard.put("threads", "1");
        ConsensusResult r =
                new ConsensusMonteCarlo(
                                shards, ConsensusSpec.nuts(TestModels.logistic(4), "jvm", perShard))
                        .run(RandomKey.of(1));
        double tc = BenchSupport.seconds(t0);
        shards.release();

        Backend b = ExecutorBackends.get("jvm");
        t0 = System.nanoTime();
        Draws full =
                Inferences.discover()
                        .create(
                                "nuts",
                                InferenceConfig.of(nuts, RandomKey.of(2), ProgressListener.NONE))
                        .fit(TestModels.logistic(4).model(TestModels.shard(rows).toBatch(b)))
                        .draws(RandomKey.of(2), 0);
        double tf = BenchSupport.seconds(t0);
        double[][] ref = pool(full.values());
        double[] m = ConsensusResult.mean(ref);
        double[] sd = ConsensusResult.sd(ref);
        System.out.printf(
                "wall: consensus %.1f s (%d divergences), full-data NUTS %.1f s (%d divergences); %s%n",
                tc, r.divergences(), tf, full.divergences(), BenchSupport.load());
        System.out.println(
                "| parameter | full mean | full sd | consensus mean | consensus sd | |mean diff| / full sd | sd ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        double worst = 0;
        for (int i = 0; i < m.length; i++) {
            double z = Math.abs(r.mean()[i] - m[i]) / sd[i];
            worst = Math.max(worst, z);
            System.out.printf(
                    "| %s | %.4f | %.4f | %.4f | %.4f | %.3f | %.3f |%n",
                    r.names().get(i), m[i], sd[i], r.mean()[i], r.sd()[i], z, r.sd()[i] / sd[i]);
        }
        System.out.printf("largest distance of the means: %.3f full-posterior sds%n", worst);
        spark.stop();
    }

    static double[][] pool(double[][][] chains) {
        int t = 0;
        for (double[][] c : chains) {
            t += c.length;
        }
        double[][] out = new double[t][];
        int k = 0;
        for (double[][] c : chains) {
            for (double[] d : c) {
                out[k++] = d;
            }
        }
        return out;
    }
}
