package org.example.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The backend's own feature: it counts the kernels a computation calls. */
class CountingBackendTest {
    @Test
    void countsKernelCalls() {
        CountingBackend b =
                (CountingBackend) new CountingProvider().create(BackendConfig.defaults());
        Tensor x = Tensor.of(b, new double[] {1, 2, 3}, 3);
        Tensor y = x.exp().add(x);
        assertEquals(2, b.calls());
        assertEquals(DType.FLOAT64, y.dtype());
    }
}
