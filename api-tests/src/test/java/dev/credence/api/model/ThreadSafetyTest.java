package dev.credence.api.model;

import static dev.credence.api.dist.DistTesting.B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One model object and one potential, used by several threads at once (as parallel MCMC chains do),
 * give exactly the results of sequential runs.
 */
class ThreadSafetyTest {
    static final int THREADS = 6;
    static final int POINTS = 15;

    @Test
    void potentialEvaluationsAgreeAcrossThreads() throws Exception {
        Potential pot = Potential.of(EightSchools.centered(B), RandomKey.of(0));
        List<Tensor> points = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            Tensor u = pot.initialPoint(RandomKey.of(10 + i));
            points.add(u);
            Potential.ValueAndGradient r = pot.valueAndGradient(u);
            double[] row = new double[pot.dimension() + 1];
            row[0] = r.value();
            System.arraycopy(r.gradient().toDoubleArray(), 0, row, 1, pot.dimension());
            expected.add(row);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                Callable<List<double[]>> chain =
                        () -> {
                            List<double[]> out = new ArrayList<>();
                            for (int i = 0; i < POINTS; i++) {
                                Potential.ValueAndGradient r =
                                        pot.valueAndGradient(points.get((i + offset) % POINTS));
                                double[] row = new double[pot.dimension() + 1];
                                row[0] = r.value();
                                System.arraycopy(
                                        r.gradient().toDoubleArray(), 0, row, 1, pot.dimension());
                                out.add(row);
                            }
                            return out;
                        };
                futures.add(pool.submit(chain));
            }
            for (int t = 0; t < THREADS; t++) {
                List<double[]> got = futures.get(t).get();
                for (int i = 0; i < POINTS; i++) {
                    assertArrayEquals(
                            expected.get((i + t) % POINTS),
                            got.get(i),
                            "thread " + t + " point " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void tracesOfOneModelAgreeAcrossThreads() throws Exception {
        Model model = EightSchools.nonCentered(B);
        double[] expected = new double[THREADS];
        for (int t = 0; t < THREADS; t++) {
            expected[t] = Handlers.trace(Handlers.seed(model, RandomKey.of(t))).logJoint().item();
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Double>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                futures.add(
                        pool.submit(
                                () -> {
                                    double last = 0;
                                    for (int rep = 0; rep < 20; rep++) {
                                        last =
                                                Handlers.trace(
                                                                Handlers.seed(
                                                                        model, RandomKey.of(seed)))
                                                        .logJoint()
                                                        .item();
                                    }
                                    return last;
                                }));
            }
            for (int t = 0; t < THREADS; t++) {
                assertEquals(expected[t], futures.get(t).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
