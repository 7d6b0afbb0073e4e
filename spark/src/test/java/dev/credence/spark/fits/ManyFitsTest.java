package dev.credence.spark.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.LocalSpark;
import dev.credence.spark.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Many fits as tasks: results independent of the partitioning, equal to a local loop. */
class ManyFitsTest {
    static final Map<String, String> NUTS =
            Map.of("chains", "1", "num-warmup", "100", "num-samples", "100");

    /** A normal-mean model: mu ~ Normal(0, 5), y_i ~ Normal(mu, 1). */
    static Model normalMean(Backend b, double[] y) {
        Tensor data = Tensor.of(b, y, y.length);
        return ctx -> {
            Tensor mu = ctx.sample("mu", Normal.of(b, 0, 5));
            try (Plate p = ctx.plate("data", y.length)) {
                ctx.observe("y", new Normal(mu, data.scalarLike(1)), data);
            }
        };
    }

    /** The posterior mean and sd of mu by NUTS. */
    static double[] fitMean(double[] y, RandomKey key) {
        Backend b = ExecutorBackends.get("jvm");
        double[][][] v =
                Inferences.discover()
                        .create("nuts", InferenceConfig.of(NUTS, key, ProgressListener.NONE))
                        .fit(normalMean(b, y))
                        .draws(key, 0)
                        .values();
        double s = 0;
        double q = 0;
        for (double[] d : v[0]) {
            s += d[0];
            q += d[0] * d[0];
        }
        int n = v[0].length;
        return new double[] {s / n, Math.sqrt(q / n - (s / n) * (s / n))};
    }

    /** One SBC-style replication: draw mu from the prior and 20 points, fit, return the fit. */
    static double[] replicate(RandomKey key) {
        RandomKey[] k = key.split(3);
        double mu = 5 * k[0].normalDoubles(1)[0];
        double[] y = k[1].normalDoubles(20);
        for (int i = 0; i < y.length; i++) {
            y[i] += mu;
        }
        return fitMean(y, k[2]);
    }

    @Test
    @DisplayName("indexed fits give the same results over 1 and 3 partitions and in a local loop")
    void indexedIndependentOfPartitioning() {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(LocalSpark.start().sparkContext());
        RandomKey key = RandomKey.of(4);
        FitTask<double[]> task = (i, k) -> replicate(k);
        List<double[]> one = ManyFits.indexed(sc, 4, 1, key, task);
        List<double[]> three = ManyFits.indexed(sc, 4, 3, key, task);
        assertEquals(4, one.size());
        for (int i = 0; i < 4; i++) {
            double[] local = replicate(key.fold(i));
            assertArrayEquals(local, one.get(i), "fit " + i + ", 1 partition");
            assertArrayEquals(local, three.get(i), "fit " + i + ", 3 partitions");
        }
    }

    @Test
    @DisplayName("per-group fits do not depend on the table's partitioning and match local fits")
    void perGroupIndependentOfPartitioning() {
        SparkSession spark = LocalSpark.start();
        double[][] rows = new double[90][];
        double[] z = RandomKey.of(9).normalDoubles(90);
        for (int i = 0; i < rows.length; i++) {
            int g = i % 3;
            rows[i] = new double[] {g, 2.0 * g - 1 + z[i]};
        }
        List<String> cols = List.of("g", "y");
        RandomKey key = RandomKey.of(6);
        GroupFit<double[]> fit = (group, shard, k) -> fitMean(shard.features(), k);
        Dataset<Row> two = LocalSpark.table(spark, cols, rows, 2);
        Dataset<Row> five = LocalSpark.table(spark, cols, rows, 5);
        Map<String, double[]> a = ManyFits.perGroup(two, "g", List.of("y"), null, key, fit);
        Map<String, double[]> b = ManyFits.perGroup(five, "g", List.of("y"), null, key, fit);
        assertEquals(List.of("0.0", "1.0", "2.0"), new ArrayList<>(a.keySet()));
        int i = 0;
        for (String g : a.keySet()) {
            assertArrayEquals(a.get(g), b.get(g), "group " + g);
            List<Double> ys = new ArrayList<>();
            for (double[] r : rows) {
                if (String.valueOf(r[0]).equals(g)) {
                    ys.add(r[1]);
                }
            }
            double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
            Shard local = new Shard(i, y.length, 1, y, null).canonical();
            assertArrayEquals(fitMean(local.features(), key.fold(i)), a.get(g), "group " + g);
            assertEquals(2.0 * Double.parseDouble(g) - 1, a.get(g)[0], 0.8, "group " + g);
            i++;
        }
    }
}
