package dev.credence.backend.nd4j;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.tck.BackendConformanceKit;

/** Certifies the ND4J backend with the whole conformance kit. */
class Nd4jConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend createBackend() {
        return new Nd4jBackendProvider().create(BackendConfig.defaults());
    }
}
