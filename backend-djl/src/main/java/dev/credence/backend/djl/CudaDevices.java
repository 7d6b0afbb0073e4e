package dev.credence.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Counts the CUDA devices PyTorch can use, once per JVM.
 *
 * <p>DJL counts devices through the CUDA runtime library ({@code libcudart}) found on the library
 * path, which is often missing when libtorch brings its own copy; then it reports none. So when DJL
 * says zero, this class asks PyTorch directly by allocating one element on device 0, 1, ... until
 * an allocation fails. The first failure on device 0 is PyTorch's own explanation (for example that
 * the driver is too old for the CUDA runtime), which the availability message quotes.
 */
final class CudaDevices {
    private CudaDevices() {}

    /** More devices than any single machine has. */
    private static final int MAX_DEVICES = 64;

    private static Count cached;

    /**
     * How many devices are usable, and PyTorch's error when none is.
     *
     * @param devices the number of usable devices
     * @param error PyTorch's message for device 0 when {@code devices} is 0, else empty
     */
    record Count(int devices, String error) {}

    /**
     * Counts devices on the first call and returns the same answer afterwards.
     *
     * @param engine the loaded PyTorch engine, built with CUDA
     * @return the count
     */
    static synchronized Count count(Engine engine) {
        if (cached == null) {
            cached = probe(engine);
        }
        return cached;
    }

    private static Count probe(Engine engine) {
        int n = 0;
        try {
            n = engine.getGpuCount();
        } catch (RuntimeException | LinkageError e) {
            n = 0;
        }
        if (n > 0) {
            return new Count(n, "");
        }
        String first = "";
        while (n < MAX_DEVICES) {
            String error = allocate(engine, n);
            if (!error.isEmpty()) {
                first = n == 0 ? error : "";
                break;
            }
            n++;
        }
        return new Count(n, first);
    }

    /** Allocates one element on a device; returns "" on success, else the error in one line. */
    private static String allocate(Engine engine, int index) {
        try (NDManager m = engine.newBaseManager(Device.gpu(index));
                NDArray a = m.create(new Shape(1), DataType.FLOAT32)) {
            return "";
        } catch (RuntimeException | LinkageError e) {
            return DjlRuntime.oneLine(e);
        }
    }
}
