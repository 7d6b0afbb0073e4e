package dev.credence.api.model;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.Normal;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plates: frames, broadcasting, subsampling scale, replayed minibatches, nesting. */
class PlateTest {
    static final int N = 20;
    static final double[] DATA = new double[N];

    static {
        for (int i = 0; i < N; i++) {
            DATA[i] = Math.sin(i) * 2;
        }
    }

    static Model model(int batch) {
        Tensor data = Tensor.of(B, DATA);
        return ctx -> {
            Tensor mu = ctx.sample("mu", Normal.of(B, 0, 1));
            try (Plate p = ctx.plate("data", N, batch)) {
                ctx.observe("x", new Normal(mu, scalar(1.5)), p.subsample(data, 0));
            }
        };
    }

    @Test
    void fullPlateBroadcastsAndRecordsItsFrame() {
        Model m =
                ctx -> {
                    try (Plate p = ctx.plate("rows", 5)) {
                        ctx.sample("z", Normal.of(B, 0, 1));
                    }
                };
        Trace t = Handlers.trace(Handlers.seed(m, RandomKey.of(1)));
        Site z = t.get("z");
        assertEquals(Shape.of(5), z.value().shape());
        assertEquals(Shape.of(5), z.distribution().batchShape());
        assertEquals(1, z.scale());
        assertEquals("rows", z.plates().get(0).name());
        assertEquals(SiteKind.PLATE, t.get("rows").kind());
        assertNull(t.get("rows").subsample());
    }

    @Test
    void subsamplingScalesTheLikelihoodByNOverB() {
        int b = 5;
        Trace t = Handlers.trace(Handlers.seed(model(b), RandomKey.of(3)));
        int[] idx = t.get("data").subsample();
        assertEquals(b, idx.length);
        Set<Integer> distinct = new HashSet<>();
        for (int i : idx) {
            assertTrue(i >= 0 && i < N);
            distinct.add(i);
        }
        assertEquals(b, distinct.size());
        double mu = t.get("mu").value().item();
        double lik = 0;
        for (int i : idx) {
            lik += HandlersTest.normal(DATA[i], mu, 1.5);
        }
        assertEquals((double) N / b, t.get("x").scale());
        assertEquals((double) N / b * lik, t.logLikelihood().item(), 1e-12);
        assertEquals(
                HandlersTest.normal(mu, 0, 1) + (double) N / b * lik, t.logJoint().item(), 1e-12);
    }

    @Test
    void subsampleIsThePrefixOfAFisherYatesShuffle() {
        int[][] sizes = {{1, 1}, {7, 7}, {60000, 128}, {10, 3}, {1000, 999}};
        for (int[] nb : sizes) {
            for (int seed = 0; seed < 20; seed++) {
                RandomKey key = RandomKey.of(seed);
                int n = nb[0];
                int b = nb[1];
                // The textbook algorithm on a full array of indices.
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                double[] u = key.uniformDoubles(b);
                for (int i = 0; i < b; i++) {
                    int j = i + (int) Math.floor(u[i] * (n - i));
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                assertArrayEquals(
                        java.util.Arrays.copyOf(perm, b),
                        ModelContext.subsample(key, n, b),
                        "n " + n + ", b " + b + ", seed " + seed);
            }
        }
    }

    @Test
    void subsampledLogJointIsUnbiased() {
        Model sub = Handlers.condition(model(4), java.util.Map.of("mu", scalar(0.3)));
        double full =
                Handlers.trace(Handlers.condition(model(N), java.util.Map.of("mu", scalar(0.3))))
                        .logJoint()
                        .item();
        int runs = 600;
        double[] xs = new double[runs];
        for (int r = 0; r < runs; r++) {
            xs[r] = Handlers.trace(Handlers.seed(sub, RandomKey.of(100 + r))).logJoint().item();
        }
        double mean = Arrays.stream(xs).average().orElseThrow();
        double sd =
                Math.sqrt(Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / (runs - 1));
        assertTrue(
                Math.abs(mean - full) < 5 * sd / Math.sqrt(runs),
                "mean " + mean + " vs full " + full);
    }

    @Test
    void replayReusesTheGuidesMinibatch() {
        Model guideLike =
                ctx -> {
                    try (Plate p = ctx.plate("data", N, 5)) {
                        ctx.deterministic(
                                "seen", p.indices(B).cast(dev.credence.api.backend.DType.FLOAT64));
                    }
                };
        Trace g = Handlers.trace(Handlers.seed(guideLike, RandomKey.of(5)));
        Trace m = Handlers.trace(Handlers.replay(Handlers.seed(model(5), RandomKey.of(6)), g));
        assertArrayEquals(g.get("data").subsample(), m.get("data").subsample());
    }

    @Test
    void reenteringAPlateReusesItsSubsample() {
        Model twice =
                ctx -> {
                    int[] first;
                    try (Plate p = ctx.plate("data", N, 4)) {
                        first = p.indices();
                    }
                    try (Plate p = ctx.plate("data", N, 4)) {
                        assertArrayEquals(first, p.indices());
                    }
                };
        Handlers.trace(Handlers.seed(twice, RandomKey.of(8)));
    }

    @Test
    void nestedPlatesTakeSuccessiveDims() {
        Model m =
                ctx -> {
                    try (Plate outer = ctx.plate("outer", 4);
                            Plate inner = ctx.plate("inner", 3)) {
                        assertEquals(-1, outer.dim());
                        assertEquals(-2, inner.dim());
                        ctx.sample("z", Normal.of(B, 0, 1));
                    }
                };
        Trace t = Handlers.trace(Handlers.seed(m, RandomKey.of(2)));
        assertEquals(Shape.of(3, 4), t.get("z").value().shape());
        assertEquals("outer", t.get("z").plates().get(0).name());
        assertEquals("inner", t.get("z").plates().get(1).name());
    }

    @Test
    void mismatchedBatchShapeInsideAPlateIsAClearError() {
        Model m =
                ctx -> {
                    try (Plate p = ctx.plate("rows", 5)) {
                        ctx.sample(
                                "z",
                                new Normal(
                                        Tensor.zeros(B, dev.credence.api.backend.DType.FLOAT64, 3),
                                        scalar(1)));
                    }
                };
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Handlers.trace(Handlers.seed(m, RandomKey.of(1))));
        assertTrue(
                e.getMessage().contains("'z'") && e.getMessage().contains("'rows'"),
                e.getMessage());
    }

    @Test
    void subsamplingWithoutASeedIsAClearError() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                Handlers.trace(
                                        Handlers.condition(
                                                model(5), java.util.Map.of("mu", scalar(0)))));
        assertTrue(e.getMessage().contains("plate 'data'"), e.getMessage());
    }

    @Test
    void platesMustCloseInOrder() {
        Model bad =
                ctx -> {
                    Plate a = ctx.plate("a", 2);
                    Plate b = ctx.plate("b", 2);
                    a.close();
                    b.close();
                };
        assertThrows(IllegalStateException.class, () -> Handlers.trace(bad));
    }
}
