package dev.credence.backend.djl;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Device;

/**
 * Announces the {@code djl} backend: PyTorch on the CPU through DJL, priority 20 (above the
 * pure-Java {@code jvm} backend).
 *
 * <p>Construction is free; PyTorch loads on the first {@link #availability()} or {@link
 * #create(BackendConfig)}. By default DJL runs offline with the libtorch of the {@code
 * pytorch-native-cpu} jar, and unpacks it under Credence's native cache when {@code
 * credence.native.cache} / {@code CREDENCE_NATIVE_CACHE} is set and DJL's own cache settings are
 * not (see {@link DjlSettings}). PyTorch's intra-op thread count follows {@code OMP_NUM_THREADS} or
 * the system property {@code ai.djl.pytorch.num_threads}, read when PyTorch loads.
 */
public final class DjlCpuProvider implements BackendProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DjlCpuProvider() {}

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public Availability availability() {
        try {
            DjlRuntime.Loaded loaded = DjlRuntime.engine();
            return loaded.ok() ? Availability.ok() : Availability.unavailable(loaded.failure());
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
        DjlRuntime.Loaded loaded = DjlRuntime.engine();
        if (!loaded.ok()) {
            throw new IllegalStateException("backend 'djl' is unavailable: " + loaded.failure());
        }
        var manager = loaded.engine().newBaseManager(ai.djl.Device.cpu());
        return new DjlBackend(name(), manager, Device.CPU);
    }
}
