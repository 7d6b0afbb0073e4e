package org.example.counting;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.tck.BackendConformanceKit;

/** Certifies the counting backend: the whole conformance kit, in one class. */
class CountingConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend createBackend() {
        return new CountingProvider().create(BackendConfig.defaults());
    }
}
