package dev.credence.backend.jvm;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.tck.BackendConformanceKit;

/** Certifies the jvm backend against the whole conformance kit. */
class JvmConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend createBackend() {
        return new JvmBackendProvider().create(BackendConfig.defaults());
    }
}
