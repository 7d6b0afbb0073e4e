package dev.credence.backend.djl;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Device;

/**
 * Announces the {@code djl-gpu} backend: PyTorch on one CUDA GPU through DJL, priority 30, so it
 * wins over {@code djl} wherever it is available.
 *
 * <p>It needs a CUDA build of libtorch, which the default dependencies do not bring (they bring the
 * CPU build, so that CPU runs work offline). {@link #availability()} never throws: it names what is
 * missing (no CUDA libtorch loaded, no driver, no visible device, a driver too old for the CUDA
 * version) and what to do; the module README has the steps. Option {@code device} picks the CUDA
 * device index (default 0). Buffers stay on that device; data moves only when asked.
 */
public final class DjlGpuProvider implements BackendProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DjlGpuProvider() {}

    @Override
    public String name() {
        return "djl-gpu";
    }

    @Override
    public int priority() {
        return 30;
    }

    @Override
    public Availability availability() {
        try {
            return GpuProbe.judge(GpuProbe.facts());
        } catch (LinkageError e) {
            return Availability.unavailable(DjlRuntime.describe(e));
        }
    }

    @Override
    public String apiVersion() {
        return Backend.API_VERSION;
    }

    @Override
    public Backend create(BackendConfig config) {
        GpuProbe.Facts facts = GpuProbe.facts();
        Availability a = GpuProbe.judge(facts);
        if (!a.available()) {
            throw new IllegalStateException("backend 'djl-gpu' is unavailable: " + a.reason());
        }
        int index = config.getInt("device", 0);
        if (index < 0 || index >= facts.devices()) {
            throw new IllegalArgumentException(
                    "backend 'djl-gpu': option 'device' must be a CUDA device index in [0, "
                            + facts.devices()
                            + "), found "
                            + index);
        }
        var manager = DjlRuntime.engine().engine().newBaseManager(ai.djl.Device.gpu(index));
        return new DjlBackend(name(), manager, Device.gpu(index));
    }
}
