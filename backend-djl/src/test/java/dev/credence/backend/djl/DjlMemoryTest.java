package dev.credence.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import dev.credence.api.tensor.Updates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays bounded across a long loop of small steps, each wrapped in a {@link
 * TensorScope}: every buffer a step creates is released when its scope closes.
 */
class DjlMemoryTest {

    private static final DjlBackend BACKEND =
            (DjlBackend) new DjlCpuProvider().create(BackendConfig.defaults());

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    /** Resident set size of this process in MiB, from /proc/self/status (Linux). */
    static long rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }

    /** One step: 10 primitive calls on 1024-element tensors (8 KiB each in FLOAT64). */
    private static Tensor step(Tensor w, Tensor x) {
        Tensor h = x.mul(w).tanh(); // mul, tanh
        Tensor s = h.mul(h).add(1.0).log(); // mul, full, add, log
        return w.sub(s.sum(true, 0).mul(1e-3)); // sum, full, mul, sub
    }

    /** The state after a loop, and the resident set after a tenth of its steps and at its end. */
    private record Run(Tensor last, long rssWarm, long rssEnd) {}

    /**
     * Replaces {@code state} by {@code step(state)} {@code steps} times, each step in a scope that
     * keeps only the new state, releasing the old one.
     */
    private static Run run(Tensor state, int steps, UnaryOperator<Tensor> step) throws IOException {
        long rssWarm = 0;
        for (int i = 0; i < steps; i++) {
            try (TensorScope scope = TensorScope.open()) {
                Tensor next = scope.keep(step.apply(state));
                state.release();
                state = next;
            }
            if (i == steps / 10) {
                rssWarm = rssMib();
            }
        }
        return new Run(state, rssWarm, rssMib());
    }

    @Test
    @DisplayName("100k primitive calls inside scopes keep live buffers and RSS flat")
    void boundedMemory() throws IOException {
        Tensor w = Tensor.full(BACKEND, 0.01, DType.FLOAT64, 32, 32);
        Tensor x = Tensor.full(BACKEND, 0.5, DType.FLOAT64, 32, 32);
        int steps = 10_000;
        long liveBefore = BACKEND.liveBuffers();
        Run run = run(w, steps, v -> step(v, x));
        w = run.last();
        long rssWarm = run.rssWarm();
        long rssEnd = run.rssEnd();
        System.out.printf(
                "djl memory: %d steps (100k calls), RSS %d MiB after 10%%, %d MiB at the end,"
                        + " live buffers %d before, %d after%n",
                steps, rssWarm, rssEnd, liveBefore, BACKEND.liveBuffers());
        assertEquals(liveBefore, BACKEND.liveBuffers(), "live buffers after 100k calls");
        // A leak of one 8 KiB buffer per call would be about 800 MiB here; the resident set also
        // holds the Java heap, which grew by up to 19 MiB over this loop in a JVM that had run the
        // module's other tests first.
        assertTrue(
                rssEnd - rssWarm < 64,
                "RSS grew from " + rssWarm + " MiB to " + rssEnd + " MiB over " + steps + " steps");
        assertTrue(Double.isFinite(w.toDoubleArray()[0]), "the loop computed numbers");
    }

    @Test
    @DisplayName("the optimizer primitives free the contiguous copies of transposed operands")
    void updatesOnViews() throws IOException {
        Tensor m = Tensor.full(BACKEND, 0.0, DType.FLOAT64, 256, 256);
        Tensor g = Tensor.full(BACKEND, 0.5, DType.FLOAT64, 256, 256);
        int steps = 2_000;
        // the transposed gradient is not contiguous: each call reads a 512 KiB copy of it
        Run run = run(m, steps, v -> Updates.ema(v, g.transpose(), 0.9, true));
        m = run.last();
        long rssWarm = run.rssWarm();
        long rssEnd = run.rssEnd();
        // keeping the copies would take about 1 GiB here
        assertTrue(
                rssEnd - rssWarm < 64,
                "RSS grew from " + rssWarm + " MiB to " + rssEnd + " MiB over " + steps + " steps");
        assertEquals(0.25, m.toDoubleArray()[0], 1e-9, "the average converged to g squared");
    }

    @Test
    @DisplayName("buffers dropped without release are freed once unreachable")
    void cleanerFreesForgottenBuffers() throws InterruptedException {
        long before = BACKEND.liveBuffers();
        for (int i = 0; i < 5_000; i++) {
            Tensor.full(BACKEND, i, DType.FLOAT32, 64).exp();
        }
        assertTrue(BACKEND.liveBuffers() > before, "created buffers are counted");
        for (int tries = 0; tries < 100 && BACKEND.liveBuffers() > before + 100; tries++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(
                BACKEND.liveBuffers() <= before + 100,
                "unreachable buffers freed: " + (BACKEND.liveBuffers() - before) + " remain");
    }
}
