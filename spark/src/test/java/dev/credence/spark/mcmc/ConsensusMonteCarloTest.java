package dev.credence.spark.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Consensus Monte Carlo on a logistic regression against full-data NUTS. */
class ConsensusMonteCarloTest {
    static final Map<String, String> NUTS =
            Map.of("chains", "2", "num-warmup", "200", "num-samples", "300");

    @Test
    @DisplayName("consensus over 4 partitions is within 0.25 sd of full-data NUTS, sds within 15%")
    void matchesFullDataNuts() {
        SparkSession spark = LocalSpark.start();
        double[][] rows = TestModels.logisticRows(1200, new double[] {0.8, -0.4, 0.2}, 5);
        Shards shards =
                Shards.of(
                        LocalSpark.table(spark, List.of("x1", "x2", "x3", "y"), rows, 4),
                        List.of("x1", "x2", "x3"),
                        "y");
        try {
            ConsensusResult r =
                    new ConsensusMonteCarlo(
                                    shards, ConsensusSpec.nuts(TestModels.logistic(3), "jvm", NUTS))
                            .run(RandomKey.of(2));
            assertEquals(4, r.shards().size());
            assertEquals(600, r.draws().length);

            Backend b = ExecutorBackends.get("jvm");
            Draws full =
                    Inferences.discover()
                            .create(
                                    "nuts",
                                    InferenceConfig.of(
                                            NUTS, RandomKey.of(3), ProgressListener.NONE))
                            .fit(TestModels.logistic(3).model(TestModels.shard(rows).toBatch(b)))
                            .draws(RandomKey.of(3), 0);
            double[][] ref = new double[600][];
            int k = 0;
            for (double[][] chain : full.values()) {
                for (double[] d : chain) {
                    ref[k++] = d;
                }
            }
            double[] m = ConsensusResult.mean(ref);
            double[] sd = ConsensusResult.sd(ref);
            for (int i = 0; i < 4; i++) {
                double z = Math.abs(r.mean()[i] - m[i]) / sd[i];
                assertTrue(z < 0.25, r.names().get(i) + ": " + z + " posterior sds apart");
                assertEquals(1, r.sd()[i] / sd[i], 0.15, r.names().get(i) + " sd ratio");
            }
        } finally {
            shards.release();
        }
    }
}
