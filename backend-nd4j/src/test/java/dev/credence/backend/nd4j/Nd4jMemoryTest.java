package dev.credence.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays bounded in a loop of 100,000 primitives whose steps run inside {@link
 * TensorScope}s.
 *
 * <p>Two measures. The backend's count of native arrays it holds ({@link
 * Nd4jBackend#nativeArrays()}) must not change from one step to the next: every array a step
 * creates is freed or pooled when its scope closes, deterministically, whatever the garbage
 * collector does. And the process's resident memory and JavaCPP's tracked bytes, read through
 * JavaCPP's counters, must stay within a fixed slack; the collector is run before each reading so
 * that Java garbage waiting for collection does not blur it. A step makes four results of 4 KiB, so
 * a leak would grow resident memory by about 400 MiB over the loop.
 */
class Nd4jMemoryTest {

    /** Steps per loop: 25,000 steps of four primitives each. */
    private static final int STEPS = 25_000;

    /** Resident memory may grow this much over the loop. */
    private static final long RSS_SLACK = 128L << 20;

    /** JavaCPP-tracked native memory may grow this much over the loop. */
    private static final long JAVACPP_SLACK = 16L << 20;

    private static int threadsBefore;

    @BeforeAll
    static void rememberThreads() {
        threadsBefore = NativeLibrary.threads();
    }

    @AfterAll
    static void restoreThreads() {
        NativeLibrary.setThreads(threadsBefore);
    }

    /** One thread: on a shared build machine, waking threads would dominate these small steps. */
    private static Nd4jBackend backend(int poolMegabytes) {
        return (Nd4jBackend)
                new Nd4jBackendProvider()
                        .create(
                                new BackendConfig(
                                        Map.of(
                                                "pool.megabytes",
                                                "" + poolMegabytes,
                                                "threads",
                                                "1")));
    }

    /** One step: four primitives on 16 x 32 doubles. */
    private static void step(Tensor x, Tensor w, Tensor b) {
        try (TensorScope scope = TensorScope.open()) {
            x.mul(w).add(b).exp().sum(true, 1);
        }
    }

    private static long[] reading() {
        System.gc();
        return new long[] {Pointer.physicalBytes(), Pointer.totalBytes()};
    }

    private static void assertBounded(String what, long[] base, int step) {
        long[] now = reading();
        long rss = now[0] - base[0];
        long tracked = now[1] - base[1];
        assertTrue(
                rss < RSS_SLACK,
                what + ": resident memory grew by " + (rss >> 20) + " MiB by step " + step);
        assertTrue(
                tracked < JAVACPP_SLACK,
                what
                        + ": JavaCPP-tracked memory grew by "
                        + (tracked >> 10)
                        + " KiB by step "
                        + step);
    }

    /** Runs the loop after a warm-up and returns the native allocations it made. */
    private static long loop(Nd4jBackend nd, String what) {
        Tensor x = Tensor.full(nd, 0.01, DType.FLOAT64, 16, 32);
        Tensor w = Tensor.full(nd, 0.5, DType.FLOAT64, 16, 32);
        Tensor b = Tensor.full(nd, 0.25, DType.FLOAT64, 32);
        for (int i = 0; i < 2_000; i++) {
            step(x, w, b);
        }
        long arrays = nd.nativeArrays();
        long allocations = nd.nativeAllocations();
        long[] base = reading();
        for (int i = 1; i <= STEPS; i++) {
            step(x, w, b);
            assertEquals(arrays, nd.nativeArrays(), what + ": native arrays held after step " + i);
            if (i % 5_000 == 0) {
                assertBounded(what, base, i);
            }
        }
        return nd.nativeAllocations() - allocations;
    }

    @Test
    void scopedLoopReusesPooledArraysAndAllocatesNothingNew() {
        Nd4jBackend nd = backend(Nd4jBackendProvider.DEFAULT_POOL_MB);
        assertEquals(0, loop(nd, "pooled"), "steady-state steps are served from the pool");
        assertTrue(nd.pooledBytes() > 0, "released results wait in the pool");
    }

    @Test
    void scopedLoopWithoutPoolFreesEveryReleasedArray() {
        Nd4jBackend nd = backend(0);
        long allocations = loop(nd, "unpooled");
        assertTrue(
                allocations >= 4L * STEPS, "every result was a fresh allocation: " + allocations);
        assertEquals(0, nd.pooledBytes(), "nothing is pooled when the pool size is 0");
    }
}
