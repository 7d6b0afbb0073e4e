package dev.credence.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import dev.credence.api.backend.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides whether {@code djl-gpu} can run, and if not, says exactly why and what to do.
 *
 * <p>Three things must hold: PyTorch loaded, the loaded libtorch is a CUDA build (the {@code
 * pytorch-native-cpu} jar that makes CPU runs work offline is not), and CUDA sees at least one
 * device (which needs an NVIDIA driver recent enough for libtorch's CUDA version). The facts are
 * gathered by {@link #facts()} and judged by the pure {@link #judge(Facts)}, which is what the
 * tests exercise.
 */
final class GpuProbe {
    private GpuProbe() {}

    /** What to do to get a CUDA libtorch; shared by every "CPU build" answer. */
    static final String GET_CUDA_LIBTORCH =
            "To use a GPU: offline, set PYTORCH_LIBRARY_PATH to the lib folder of a CUDA 12.8"
                    + " build of libtorch 2.7.1 and PYTORCH_FLAVOR=cu128; on a connected machine,"
                    + " leave pytorch-native-cpu off the class path and run with"
                    + " -Dai.djl.offline=false so that DJL downloads a CUDA libtorch that matches"
                    + " the driver (see the backend-djl README)";

    /**
     * What this machine and process look like to the GPU provider.
     *
     * @param loadFailure why PyTorch did not load, or empty if it did
     * @param cudaBuild whether the loaded libtorch was built with CUDA
     * @param devices how many CUDA devices PyTorch can use
     * @param cudaError PyTorch's error when it could use none, else empty
     * @param libtorch which libtorch was loaded (version and folder), for messages
     * @param fromLibraryPath whether PYTORCH_LIBRARY_PATH chose it (else the class path did)
     * @param driver the NVIDIA driver version, or null if no driver was found
     */
    record Facts(
            String loadFailure,
            boolean cudaBuild,
            int devices,
            String cudaError,
            String libtorch,
            boolean fromLibraryPath,
            String driver) {}

    /**
     * Gathers the facts, loading PyTorch if needed. Never throws.
     *
     * @return the facts
     */
    static Facts facts() {
        String driver = driverVersion();
        String override = System.getenv("PYTORCH_LIBRARY_PATH");
        if (override == null) {
            override = System.getProperty("PYTORCH_LIBRARY_PATH");
        }
        boolean fromPath = override != null && !override.isBlank();
        DjlRuntime.Loaded loaded = DjlRuntime.engine();
        if (!loaded.ok()) {
            return new Facts(loaded.failure(), false, 0, "", "", fromPath, driver);
        }
        Engine e = loaded.engine();
        try {
            boolean cuda = e.hasCapability(StandardCapabilities.CUDA);
            var count = cuda ? CudaDevices.count(e) : new CudaDevices.Count(0, "");
            return new Facts(
                    "", cuda, count.devices(), count.error(), describe(e), fromPath, driver);
        } catch (RuntimeException | LinkageError err) {
            return new Facts(DjlRuntime.describe(err), false, 0, "", "", fromPath, driver);
        }
    }

    /**
     * Judges the facts.
     *
     * @param f the facts
     * @return available, or the reason and the remedy
     */
    static Availability judge(Facts f) {
        if (!f.loadFailure().isEmpty()) {
            return Availability.unavailable(f.loadFailure());
        }
        if (!f.cudaBuild()) {
            String host =
                    f.driver() == null
                            ? "no NVIDIA driver was found on this machine either"
                            : "NVIDIA driver " + f.driver() + " is present";
            return Availability.unavailable(
                    "no CUDA libtorch is loaded: DJL loaded "
                            + f.libtorch()
                            + ", a CPU-only build ("
                            + (f.fromLibraryPath()
                                    ? "PYTORCH_LIBRARY_PATH points at it"
                                    : "the pytorch-native-cpu jar on the class path provides it")
                            + "), and "
                            + host
                            + ". "
                            + GET_CUDA_LIBTORCH);
        }
        if (f.devices() > 0) {
            return Availability.ok();
        }
        String said = f.cudaError().isEmpty() ? "" : " (PyTorch says: " + f.cudaError() + ")";
        if (f.driver() == null) {
            return Availability.unavailable(
                    "no CUDA device is visible: the loaded libtorch ("
                            + f.libtorch()
                            + ") supports CUDA but no NVIDIA driver was found"
                            + said
                            + ". Install the NVIDIA"
                            + " driver, or run on a machine with a GPU");
        }
        return Availability.unavailable(
                "no CUDA device is usable: NVIDIA driver "
                        + f.driver()
                        + " is present but CUDA reports no device for "
                        + f.libtorch()
                        + said
                        + ". Either the driver is older than this libtorch's CUDA version needs"
                        + " (update the driver, or use a libtorch built for an older CUDA), or no"
                        + " device is visible to this process (check CUDA_VISIBLE_DEVICES and"
                        + " nvidia-smi)");
    }

    private static String describe(Engine e) {
        String text = e.toString();
        String marker = "PyTorch Library: ";
        int at = text.indexOf(marker);
        String where = at < 0 ? "" : " from " + text.substring(at + marker.length()).trim();
        return "libtorch " + e.getVersion() + where;
    }

    /** The NVIDIA kernel driver's version, or null when there is no driver (Linux only). */
    private static String driverVersion() {
        Path p = Path.of("/proc/driver/nvidia/version");
        try {
            if (!Files.isReadable(p)) {
                return null;
            }
            String first = Files.readAllLines(p).stream().findFirst().orElse("").trim();
            String marker = "Kernel Module";
            int at = first.indexOf(marker);
            if (at < 0) {
                return first;
            }
            String[] rest = first.substring(at + marker.length()).trim().split("\\s+");
            return rest[0];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
