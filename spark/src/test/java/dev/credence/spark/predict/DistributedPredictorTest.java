package dev.credence.spark.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Posterior;
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
import dev.credence.spark.Shard;
import dev.credence.spark.ShardModel;
import dev.credence.spark.TestModels;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Distributed posterior prediction equals the single-process prediction row for row. */
class DistributedPredictorTest {
    static SparkSession spark;

    static final ShardModel BNN = TestModels.bnn(8);

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    /** Rows {@code [id, x, y]} of {@code y = sin(2x) + noise}. */
    static double[][] sine(int n, long seed) {
        double[] z = RandomKey.of(seed).normalDoubles(2 * n);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double x = 1.5 * z[2 * i];
            rows[i] = new double[] {i, x, Math.sin(2 * x) + 0.1 * z[2 * i + 1]};
        }
        return rows;
    }

    static Posterior fitBnn(double[][] rows) {
        double[] f = new double[rows.length];
        double[] t = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            f[i] = rows[i][1];
            t[i] = rows[i][2];
        }
        return TestModels.fitBnn(BNN, f, t);
    }

    @Test
    @DisplayName(
            "a fitted BNN's predictions over 3 partitions in batches of 64 equal one batch locally")
    void bnnRowForRow() {
        double[][] rows = sine(1000, 7);
        Posterior fitted = fitBnn(sine(200, 8));
        PredictionSpec spec =
                DistributedPredictor.spec(
                        BNN,
                        fitted,
                        RandomKey.of(4),
                        20,
                        "y",
                        List.of("x"),
                        new double[] {0.05, 0.5, 0.95},
                        "jvm");
        spec =
                new PredictionSpec(
                        spec.model(),
                        spec.draws(),
                        "y",
                        List.of("x"),
                        spec.quantiles(),
                        "jvm",
                        64,
                        "y");
        assertEquals(
                List.of(
                        "y_mean",
                        "y_sd",
                        "y_epistemic_sd",
                        "y_aleatoric_sd",
                        "y_q05",
                        "y_q50",
                        "y_q95"),
                spec.columns());
        Dataset<Row> table = LocalSpark.table(spark, List.of("id", "x", "y"), rows, 3);
        List<Row> out = DistributedPredictor.predict(table, spec).collectAsList();
        assertEquals(1000, out.size());

        double[] x = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = rows[i][1];
        }
        double[][] local = new BatchPredictor(spec).predict(new Shard(0, x.length, 1, x, null));
        int width = table.columns().length;
        for (Row r : out) {
            int id = (int) r.getDouble(0);
            double[] got = new double[spec.columns().size()];
            for (int j = 0; j < got.length; j++) {
                got[j] = r.getDouble(width + j);
            }
            assertArrayEquals(local[id], got, "row " + id);
            double[] p = local[id];
            assertEquals(p[1] * p[1], p[2] * p[2] + p[3] * p[3], 1e-12, "total variance");
            assertTrue(p[4] < p[5] && p[5] < p[6], "quantiles in order at row " + id);
        }
    }

    @Test
    @DisplayName("quantiles of a Bernoulli likelihood are refused; its moments are not")
    void bernoulliMomentsOnly() {
        double[][] rows = TestModels.logisticRows(300, new double[] {1, -1}, 3);
        Backend b = ExecutorBackends.get("jvm");
        Model m = TestModels.logistic(2).model(TestModels.shard(rows).toBatch(b));
        Svi svi = new Svi(m, new AutoNormal(m, RandomKey.of(1)), Adam.of(0.05), new TraceElbo(1));
        Posterior post =
                svi.posterior(
                        svi.run(RandomKey.of(2), SviSettings.of(100), ProgressListener.NONE)
                                .state(),
                        RandomKey.of(3));
        PredictionSpec moments =
                DistributedPredictor.spec(
                        TestModels.logistic(2),
                        post,
                        RandomKey.of(4),
                        10,
                        "y",
                        List.of("x1", "x2"),
                        new double[0],
                        "jvm");
        double[][] p = new BatchPredictor(moments).predict(TestModels.shard(rows));
        for (double[] r : p) {
            assertTrue(r[0] > 0 && r[0] < 1, "a probability");
            assertEquals(r[0] * (1 - r[0]), r[1] * r[1], 1e-12, "Bernoulli total variance");
        }
        PredictionSpec withQ =
                DistributedPredictor.spec(
                        TestModels.logistic(2),
                        post,
                        RandomKey.of(4),
                        10,
                        "y",
                        List.of("x1", "x2"),
                        new double[] {0.5},
                        "jvm");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new BatchPredictor(withQ).predict(TestModels.shard(rows)));
        assertTrue(e.getMessage().contains("Normal likelihood"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        DistributedPredictor.predict(
                                LocalSpark.table(spark, List.of("a"), new double[][] {{1}}, 1),
                                moments));
    }
}
