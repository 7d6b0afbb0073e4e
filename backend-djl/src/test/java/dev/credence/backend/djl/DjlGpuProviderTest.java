package dev.credence.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.BackendUnavailableException;
import dev.credence.api.backend.Backends;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code djl-gpu} provider says why it cannot run, and the registry passes that on. */
class DjlGpuProviderTest {

    private final BackendProvider cpu = new DjlCpuProvider();
    private final BackendProvider gpu = new DjlGpuProvider();

    @Test
    @DisplayName("selecting djl-gpu without CUDA names the reason, the remedy and the alternatives")
    void selectWithoutCuda() {
        Availability a = gpu.availability();
        assumeFalse(a.available(), "this machine has a CUDA libtorch and a GPU");
        Backends registry = Backends.of(List.of(cpu, gpu));
        BackendUnavailableException e =
                assertThrows(BackendUnavailableException.class, () -> registry.select("djl-gpu"));
        String m = e.getMessage();
        assertTrue(m.startsWith("backend 'djl-gpu' is unavailable: "), m);
        assertTrue(m.contains("no CUDA libtorch is loaded"), m);
        assertTrue(m.contains("CPU-only build"), m);
        assertTrue(m.contains("PYTORCH_LIBRARY_PATH"), m);
        assertTrue(m.contains("-Dai.djl.offline=false"), m);
        assertTrue(m.contains("Available backends: djl;"), m);
        assertFalse(m.contains("\tat "), "no stack trace in the message: " + m);
        assertEquals("djl", registry.select().name(), "without a GPU the CPU backend wins");
    }

    @Test
    @DisplayName("creating djl-gpu directly fails with the same reason")
    void createWithoutCuda() {
        Availability a = gpu.availability();
        assumeFalse(a.available(), "this machine has a CUDA libtorch and a GPU");
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> gpu.create(BackendConfig.defaults()));
        assertTrue(e.getMessage().contains(a.reason()), e.getMessage());
    }

    @Test
    @DisplayName("names, priorities and SPI version")
    void identity() {
        assertEquals("djl", cpu.name());
        assertEquals("djl-gpu", gpu.name());
        assertEquals(20, cpu.priority());
        assertEquals(30, gpu.priority());
        assertEquals(dev.credence.api.backend.Backend.API_VERSION, gpu.apiVersion());
    }

    @Test
    @DisplayName("each way djl-gpu can be unavailable gets its own reason")
    void judge() {
        String lib = "libtorch 2.7.1 from /opt/libtorch/lib";
        String driver = "470.42.01";
        String insufficient =
                "EngineException: CUDA driver version is insufficient for CUDA runtime version";
        assertTrue(
                GpuProbe.judge(new GpuProbe.Facts("", true, 2, "", lib, false, driver))
                        .available());

        String failed =
                GpuProbe.judge(
                                new GpuProbe.Facts(
                                        "PyTorch could not", false, 0, "", "", false, null))
                        .reason();
        assertEquals("PyTorch could not", failed);

        String cpuBuild =
                GpuProbe.judge(new GpuProbe.Facts("", false, 0, "", lib, false, driver)).reason();
        assertTrue(cpuBuild.contains("CPU-only build"), cpuBuild);
        assertTrue(cpuBuild.contains("NVIDIA driver " + driver + " is present"), cpuBuild);
        assertTrue(cpuBuild.contains("PYTORCH_FLAVOR=cu128"), cpuBuild);
        assertTrue(cpuBuild.contains("pytorch-native-cpu jar on the class path provides it"));
        String viaPath =
                GpuProbe.judge(new GpuProbe.Facts("", false, 0, "", lib, true, null)).reason();
        assertTrue(viaPath.contains("PYTORCH_LIBRARY_PATH points at it"), viaPath);
        assertTrue(viaPath.contains("no NVIDIA driver was found on this machine either"), viaPath);

        String noDriver =
                GpuProbe.judge(new GpuProbe.Facts("", true, 0, "", lib, true, null)).reason();
        assertTrue(noDriver.contains("no NVIDIA driver was found"), noDriver);

        String mismatch =
                GpuProbe.judge(new GpuProbe.Facts("", true, 0, insufficient, lib, true, driver))
                        .reason();
        assertTrue(mismatch.contains("driver is older than"), mismatch);
        assertTrue(mismatch.contains("(PyTorch says: " + insufficient + ")"), mismatch);
        assertTrue(mismatch.contains("CUDA_VISIBLE_DEVICES"), mismatch);
    }
}
