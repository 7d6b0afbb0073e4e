package dev.credence.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules L1-L4: buffer lifecycle and concurrency.
 *
 * <ul>
 *   <li>L1 a released tensor cannot be used, and the error says so.
 *   <li>L2 a TensorScope releases what was created inside it and keeps what was kept.
 *   <li>L3 nested scopes hand kept tensors to the enclosing scope.
 *   <li>L4 the backend gives identical results when used from several threads at once.
 * </ul>
 */
public interface LifecycleContract extends KitFixture {

    /** L1. */
    @Test
    @DisplayName("L1 use of a released tensor is a clear error")
    default void l1Released() {
        Tensor t = Tensor.of(backend(), new double[] {1, 2, 3}, 3);
        t.release();
        assertTrue(t.isReleased());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.add(t));
        assertTrue(e.getMessage().contains("released"), "L1 message: " + e.getMessage());
        t.release();
    }

    /** L2. */
    @Test
    @DisplayName("L2 TensorScope releases what it created and keeps what was kept")
    default void l2Scope() {
        Tensor outside = Tensor.of(backend(), new double[] {1, 2}, 2);
        Tensor kept;
        Tensor dropped;
        try (TensorScope scope = TensorScope.open()) {
            dropped = outside.exp();
            kept = scope.keep(dropped.add(outside));
            assertEquals(1, scope.ownedCount(), "L2 owned count excludes kept");
        }
        assertTrue(dropped.isReleased(), "L2 intermediate released");
        assertFalse(kept.isReleased(), "L2 kept survives");
        assertFalse(outside.isReleased(), "L2 outside untouched");
        assertArrayEquals(new double[] {1 + Math.E, 2 + Math.exp(2)}, kept.toDoubleArray(), 1e-12);
    }

    /** L3. */
    @Test
    @DisplayName("L3 nested scopes pass kept tensors outward")
    default void l3Nested() {
        Tensor x = Tensor.of(backend(), new double[] {1}, 1);
        Tensor inner;
        try (TensorScope outer = TensorScope.open()) {
            try (TensorScope in = TensorScope.open()) {
                inner = in.keep(x.mul(3.0));
            }
            assertFalse(inner.isReleased(), "L3 alive in the outer scope");
        }
        assertTrue(inner.isReleased(), "L3 released with the outer scope");
    }

    /**
     * L4.
     *
     * @throws Exception if a worker fails
     */
    @Test
    @DisplayName("L4 concurrent use from several threads gives identical results")
    default void l4Concurrency() throws Exception {
        double[] w = Ref.uniform(3, 64 * 32, -1, 1);
        double[] x = Ref.uniform(4, 16 * 64, -1, 1);
        java.util.function.IntFunction<double[]> work =
                seed -> {
                    Tensor wt = Tensor.of(backend(), w, DType.FLOAT64, 64, 32);
                    Tensor xt = Tensor.of(backend(), x, DType.FLOAT64, 16, 64).add((double) seed);
                    var r =
                            Autodiff.valueAndGrad(
                                    p -> xt.matmul(p.get(0)).softplus().logSumExp(false, 1).sum(),
                                    List.of(wt));
                    double[] g = r.grads().get(0).toDoubleArray();
                    double[] out = java.util.Arrays.copyOf(g, g.length + 1);
                    out[g.length] = r.value().item();
                    return out;
                };
        List<double[]> expected = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            expected.add(work.apply(s));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<double[]>> fs = new ArrayList<>();
                for (int s = 0; s < 8; s++) {
                    int seed = s;
                    fs.add(pool.submit(() -> work.apply(seed)));
                }
                for (int s = 0; s < 8; s++) {
                    assertArrayEquals(expected.get(s), fs.get(s).get(), "L4 thread result " + s);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
