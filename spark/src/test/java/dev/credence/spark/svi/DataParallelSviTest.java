package dev.credence.spark.svi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.inference.vi.AutoNormal;
import dev.credence.inference.vi.Svi;
import dev.credence.inference.vi.SviResult;
import dev.credence.inference.vi.SviSettings;
import dev.credence.inference.vi.TraceElbo;
import dev.credence.io.CheckpointStore;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.LocalSpark;
import dev.credence.spark.Shards;
import dev.credence.spark.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-parallel SVI against single-process SVI on the same data and keys. */
class DataParallelSviTest {
    static final double[] TRUE_W = {1.0, -0.5, 0.25};
    static final List<String> X = List.of("x1", "x2", "x3");
    static SparkSession spark;
    static double[][] rows;
    static Shards shards;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        rows = TestModels.logisticRows(400, TRUE_W, 11);
        List<String> cols = List.of("x1", "x2", "x3", "y");
        shards = Shards.of(LocalSpark.table(spark, cols, rows, 4), X, "y");
    }

    @AfterAll
    static void stop() {
        shards.release();
    }

    static SviSpec spec() {
        return SviSpec.of(TestModels.logistic(3), AutoNormal::new, () -> new TraceElbo(1), "jvm");
    }

    static double[] flat(SviResult r) {
        double[] out = new double[0];
        for (String p : List.of("auto.w.loc", "auto.w.scale", "auto.b.loc", "auto.b.scale")) {
            double[] a = r.params().get(p).toDoubleArray();
            double[] both = java.util.Arrays.copyOf(out, out.length + a.length);
            System.arraycopy(a, 0, both, out.length, a.length);
            out = both;
        }
        assertEquals(8, out.length);
        return out;
    }

    @Test
    @DisplayName("full-batch SVI over 4 partitions equals single-process SVI to summation order")
    void fullBatchEqualsSingleProcess() {
        assertEquals(4, shards.partitions());
        assertEquals(400, shards.totalRows());
        RandomKey key = RandomKey.of(21);
        int steps = 40;
        SviResult spread =
                new DataParallelSvi(shards, spec(), Adam.of(0.05))
                        .run(key, SviSettings.of(steps), ProgressListener.NONE);

        Backend b = ExecutorBackends.get("jvm");
        Model all = TestModels.logistic(3).model(TestModels.shard(rows).toBatch(b));
        Svi single =
                new Svi(
                        all,
                        new AutoNormal(all, DataParallelSvi.guideKey(key)),
                        Adam.of(0.05),
                        new TraceElbo(1));
        SviResult one = single.run(key, SviSettings.of(steps), ProgressListener.NONE);

        for (int s = 0; s < steps; s++) {
            assertEquals(
                    one.elbo()[s], spread.elbo()[s], 1e-9 * Math.abs(one.elbo()[s]), "step " + s);
        }
        double[] a = flat(one);
        double[] c = flat(spread);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], c[i], 1e-9, "param " + i);
        }
    }

    @Test
    @DisplayName("a run resumed from a driver checkpoint continues the uninterrupted run")
    void resumesFromCheckpoint(@TempDir Path dir) {
        RandomKey key = RandomKey.of(3);
        SviResult whole =
                new DataParallelSvi(shards, spec(), Adam.of(0.05))
                        .run(key, SviSettings.of(20), ProgressListener.NONE);
        new DataParallelSvi(shards, spec(), Adam.of(0.05))
                .run(
                        key,
                        new SviSettings(
                                12, 100, 6, CheckpointStore.at(dir.resolve("svi.ckpt")), false),
                        ProgressListener.NONE);
        SviResult resumed =
                new DataParallelSvi(shards, spec(), Adam.of(0.05))
                        .run(
                                key,
                                new SviSettings(
                                        20,
                                        100,
                                        6,
                                        CheckpointStore.at(dir.resolve("svi.ckpt")),
                                        true),
                                ProgressListener.NONE);
        assertEquals(20, resumed.state().step());
        double[] a = flat(whole);
        double[] c = flat(resumed);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], c[i], 1e-9, "param " + i);
        }
        for (int s = 0; s < 12; s++) {
            assertEquals(whole.elbo()[s], resumed.elbo()[s], 1e-9 * Math.abs(whole.elbo()[s]));
        }
    }

    @Test
    @DisplayName(
            "a minibatch run converges to the full-batch posterior within its Monte Carlo spread")
    void minibatchConverges() {
        RandomKey key = RandomKey.of(8);
        int steps = 200;
        int tail = 80;
        Map<String, double[]> full = tailStats(spec(), key, steps, tail);
        Map<String, double[]> mini = tailStats(spec().withBatchFraction(0.25), key, steps, tail);
        for (String site : List.of("loc", "scale")) {
            double[] f = full.get(site);
            double[] m = mini.get(site);
            double[] fs = full.get(site + ".spread");
            double[] ms = mini.get(site + ".spread");
            for (int i = 0; i < f.length; i++) {
                double tol = 3 * Math.sqrt(fs[i] * fs[i] + ms[i] * ms[i]) + 1e-3;
                assertTrue(
                        Math.abs(f[i] - m[i]) < tol,
                        site
                                + "["
                                + i
                                + "]: full "
                                + f[i]
                                + ", minibatch "
                                + m[i]
                                + ", tol "
                                + tol);
            }
        }
    }

    /**
     * Runs and averages the guide's params over the last {@code tail} steps, with their spread over
     * those steps: the noise that the ELBO gradient's Monte Carlo error leaves in the iterates.
     */
    static Map<String, double[]> tailStats(SviSpec spec, RandomKey key, int steps, int tail) {
        DataParallelSvi svi = new DataParallelSvi(shards, spec, Adam.of(0.05));
        var driver = svi.driverSvi(key);
        var source = svi.source(key);
        var state = driver.init(key);
        int d = 3;
        double[][] sum = new double[2][d];
        double[][] sq = new double[2][d];
        for (int s = 0; s < steps; s++) {
            state = driver.update(state, source.estimate(state, key.fold(s))).state();
            if (s >= steps - tail) {
                Map<String, dev.credence.api.tensor.Tensor> c = state.constrained();
                double[][] v = {
                    c.get("auto.w.loc").toDoubleArray(), c.get("auto.w.scale").toDoubleArray()
                };
                for (int k = 0; k < 2; k++) {
                    for (int i = 0; i < d; i++) {
                        sum[k][i] += v[k][i];
                        sq[k][i] += v[k][i] * v[k][i];
                    }
                }
            }
        }
        Map<String, double[]> out = new java.util.HashMap<>();
        String[] names = {"loc", "scale"};
        for (int k = 0; k < 2; k++) {
            double[] mean = new double[d];
            double[] sd = new double[d];
            for (int i = 0; i < d; i++) {
                mean[i] = sum[k][i] / tail;
                sd[i] = Math.sqrt(Math.max(0, sq[k][i] / tail - mean[i] * mean[i]));
            }
            out.put(names[k], mean);
            out.put(names[k] + ".spread", sd);
        }
        return out;
    }
}
