package dev.credence.backend.djl;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.tck.BackendConformanceKit;

/** Certifies the {@code djl} backend (PyTorch on the CPU) with the whole conformance kit. */
class DjlConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend createBackend() {
        return new DjlCpuProvider().create(BackendConfig.defaults());
    }
}
