package dev.credence.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Buffer ownership, the array pool and the provider's options. */
class Nd4jBackendTest {

    private final Nd4jBackend nd =
            (Nd4jBackend) new Nd4jBackendProvider().create(BackendConfig.defaults());

    private static double[] iota(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void aLargeReshapeSharesStorageThatOutlivesItsSource() {
        int n = Movement.COPY_RESHAPE_LIMIT * 2;
        Buffer x = nd.fromDoubles(iota(n), Shape.of(n), DType.FLOAT64);
        Buffer y =
                nd.execute(
                        Primitive.RESHAPE,
                        Attributes.NONE,
                        new Buffer[] {x},
                        Shape.of(2, n / 2),
                        DType.FLOAT64);
        long held = nd.nativeArrays();
        nd.release(x);
        assertEquals(held, nd.nativeArrays(), "the view keeps the storage");
        assertArrayEquals(iota(n), nd.toDoubles(y), "the view still reads its values");
        Buffer z = nd.fromDoubles(new double[n], Shape.of(n), DType.FLOAT64);
        assertArrayEquals(iota(n), nd.toDoubles(y), "a new buffer did not reuse the storage");
        nd.release(z);
        nd.release(y);
        nd.release(y);
        assertEquals(2 * 8L * n, nd.pooledBytes(), "z's array and the shared one, each once");
    }

    @Test
    void releasedArraysAreReusedForOutputsOfTheSameShape() {
        Shape s = Shape.of(3, 5);
        Buffer a = nd.full(2, s, DType.FLOAT32);
        Buffer b = nd.full(3, s, DType.FLOAT32);
        nd.release(
                nd.execute(Primitive.ADD, Attributes.NONE, new Buffer[] {a, b}, s, DType.FLOAT32));
        long allocations = nd.nativeAllocations();
        Buffer c =
                nd.execute(Primitive.MUL, Attributes.NONE, new Buffer[] {a, b}, s, DType.FLOAT32);
        assertEquals(allocations, nd.nativeAllocations(), "the output came from the pool");
        float[] six = new float[15];
        java.util.Arrays.fill(six, 6f);
        assertArrayEquals(six, nd.toFloats(c), "a pooled output is fully overwritten");
    }

    @Test
    void trimmingThePoolFreesItsArrays() {
        Buffer a = nd.full(1, Shape.of(8), DType.FLOAT64);
        nd.release(a);
        assertTrue(nd.pooledBytes() > 0);
        long held = nd.nativeArrays();
        nd.trimPool();
        assertEquals(0, nd.pooledBytes());
        assertTrue(nd.nativeArrays() < held);
    }

    @Test
    void theLegacyPairwiseLoopsPassedTheirSelfCheck() {
        assertTrue(Pairwise.available(), "libnd4j's pairwise operation numbers changed");
    }

    @Test
    void badOptionsAreRejectedWithTheAllowedRange() {
        Nd4jBackendProvider p = new Nd4jBackendProvider();
        IllegalArgumentException pool =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> p.create(new BackendConfig(Map.of("pool.megabytes", "-1"))));
        assertTrue(pool.getMessage().contains("pool.megabytes must be >= 0, found -1"));
        IllegalArgumentException threads =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> p.create(new BackendConfig(Map.of("threads", "0"))));
        assertTrue(threads.getMessage().contains("threads must be >= 1, found 0"));
    }
}
