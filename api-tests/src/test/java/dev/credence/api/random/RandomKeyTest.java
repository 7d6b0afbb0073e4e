package dev.credence.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keys are reproducible, independent across splits and folds, and give draws with the right moments
 * (bounds at 5 standard errors, fixed keys: not flaky).
 */
class RandomKeyTest {
    private final Backend b = Backends.discover().select("jvm");

    @Test
    @DisplayName("same key, same numbers; split and fold give distinct streams")
    void reproducible() {
        RandomKey k = RandomKey.of(7);
        assertArrayEquals(k.uniformDoubles(10), RandomKey.of(7).uniformDoubles(10));
        RandomKey[] s = k.split(3);
        assertNotEquals(s[0], s[1]);
        assertNotEquals(s[1], s[2]);
        assertNotEquals(k.fold(1), k.fold(2));
        assertEquals(k.fold(1), RandomKey.of(7).fold(1));
        assertNotEquals(k.normalDoubles(1)[0], s[0].normalDoubles(1)[0]);
    }

    @Test
    @DisplayName("uniform and normal moments within 5 standard errors")
    void moments() {
        int n = 200_000;
        double[] u = RandomKey.of(1).uniformDoubles(n);
        double mean = 0;
        for (double v : u) {
            assertTrue(v >= 0 && v < 1);
            mean += v / n;
        }
        assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / n));
        double[] z = RandomKey.of(2).normalDoubles(n);
        double m1 = 0;
        double m2 = 0;
        for (double v : z) {
            m1 += v / n;
            m2 += v * v / n;
        }
        assertEquals(0, m1, 5 * Math.sqrt(1.0 / n));
        assertEquals(1, m2, 5 * Math.sqrt(2.0 / n));
        Tensor t = RandomKey.of(3).normal(b, DType.FLOAT32, 100, 50);
        assertEquals(DType.FLOAT32, t.dtype());
        assertEquals(0, t.mean().item(), 5 * Math.sqrt(1.0 / 5000));
    }

    @Test
    @DisplayName("bernoulli and categorical frequencies")
    void discrete() {
        int n = 100_000;
        Tensor p = Tensor.full(b, 0.3, DType.FLOAT64, n);
        double freq = RandomKey.of(4).bernoulli(p).mean().item();
        assertEquals(0.3, freq, 5 * Math.sqrt(0.3 * 0.7 / n));
        double[] probs = {0.2, 0.5, 0.3};
        double[] logits = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                logits[3 * i + j] = Math.log(probs[j]) + 1.7;
            }
        }
        int[] draws = RandomKey.of(5).categorical(Tensor.of(b, logits, n, 3)).toIntArray();
        int[] counts = new int[3];
        for (int d : draws) {
            counts[d]++;
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(
                    probs[j], counts[j] / (double) n, 5 * Math.sqrt(probs[j] * (1 - probs[j]) / n));
        }
    }

    @Test
    @DisplayName("streams do not depend on which thread draws them")
    void threadIndependent() throws Exception {
        RandomKey root = RandomKey.of(99);
        List<double[]> serial = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            serial.add(root.fold(c).normalDoubles(1000));
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int c = 7; c >= 0; c--) {
                int chain = c;
                fs.add(pool.submit(() -> root.fold(chain).normalDoubles(1000)));
            }
            for (int c = 0; c < 8; c++) {
                assertArrayEquals(serial.get(7 - c), fs.get(c).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
