package dev.credence.backend.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.Shape;
import dev.credence.tck.BackendConformanceKit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Certifies {@code djl-gpu} with the whole conformance kit on a CUDA device. Skipped unless the
 * system property {@code credence.djl.gpu.tests} is {@code true} (see {@code gpu-check.sh}), and
 * skipped by an assumption, with the provider's reason, when {@code djl-gpu} is unavailable. The
 * device index comes from {@code credence.djl.gpu.device} (default 0).
 */
@EnabledIfSystemProperty(
        named = "credence.djl.gpu.tests",
        matches = "true",
        disabledReason = "GPU run not requested; run backend-djl/gpu-check.sh on a CUDA machine")
class DjlGpuConformanceTest extends BackendConformanceKit {

    private Availability availability;

    @BeforeAll
    void checkGpu() {
        availability = new DjlGpuProvider().availability();
    }

    /** Per test, so that each skipped test reports the reason. */
    @BeforeEach
    void requireGpu() {
        assumeTrue(
                availability.available(), () -> "djl-gpu is unavailable: " + availability.reason());
    }

    @Override
    protected Backend createBackend() {
        String device = System.getProperty("credence.djl.gpu.device", "0");
        return new DjlGpuProvider().create(new BackendConfig(Map.of("device", device)));
    }

    @Test
    @DisplayName("GPU buffers live on the GPU and move to the CPU backend only when asked")
    void gpuDevice() {
        DjlBackend gpu = (DjlBackend) backend();
        assertEquals(Device.Kind.GPU, gpu.device().kind());
        try (DjlBackend cpu = (DjlBackend) new DjlCpuProvider().create(BackendConfig.defaults())) {
            double[] v = {1.5, -2, Double.NaN, 4};
            Buffer x = gpu.fromDoubles(v, Shape.of(2, 2), DType.FLOAT64);
            Buffer onCpu = gpu.copyTo(x, cpu);
            assertArrayEquals(v, cpu.toDoubles(onCpu));
            Buffer back = cpu.copyTo(onCpu, gpu);
            assertArrayEquals(v, gpu.toDoubles(back));
            gpu.release(x);
            gpu.release(back);
            cpu.release(onCpu);
        }
    }
}
