package dev.credence.backend.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Measures the fixed cost of one primitive on a one-element tensor: the JNI call into PyTorch, the
 * DJL array and manager bookkeeping, and this backend's buffer. Prints the numbers; the bound only
 * catches gross regressions, since the build machine is shared.
 */
class DjlOverheadTest {

    private static final DjlBackend BACKEND =
            (DjlBackend) new DjlCpuProvider().create(BackendConfig.defaults());

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    /**
     * Runs {@code body} {@code n} times in each of five rounds and returns the best round's
     * nanoseconds per run: the least disturbed by other processes and by garbage collection.
     */
    static double nanosPer(int n, IntConsumer body) {
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) n);
        }
        return best;
    }

    @Test
    @DisplayName("per-op overhead of a tiny op")
    void tinyOp() {
        Shape one = Shape.of(1);
        Buffer a = BACKEND.fromFloats(new float[] {1.5f}, one);
        Buffer b = BACKEND.fromFloats(new float[] {2.5f}, one);
        int n = 20_000;
        double add =
                nanosPer(
                        n, i -> BACKEND.release(Kernels.binary(BACKEND, Primitive.ADD, a, b, one)));
        double exp = nanosPer(n, i -> BACKEND.release(Kernels.unary(BACKEND, Primitive.EXP, a)));
        double full = nanosPer(n, i -> BACKEND.release(BACKEND.full(i, one, DType.FLOAT32)));
        double read = nanosPer(n, i -> BACKEND.toFloats(a));
        Tensor x = Tensor.of(BACKEND, new float[] {1.5f}, 1);
        double tensorAdd =
                nanosPer(
                        n,
                        i -> {
                            try (TensorScope s = TensorScope.open()) {
                                x.add(x);
                            }
                        });
        System.out.printf(
                "djl per-op overhead (1 element, FLOAT32): add %.1f us, exp %.1f us, full %.1f us,"
                        + " toFloats %.1f us, Tensor.add in a scope %.1f us%n",
                add / 1e3, exp / 1e3, full / 1e3, read / 1e3, tensorAdd / 1e3);
        assertTrue(add < 200_000, "a tiny add took " + add / 1e3 + " us");
    }
}
