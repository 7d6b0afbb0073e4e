package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.io.RunRecord;
import java.time.Instant;
import java.util.Map;

/** The provenance record written next to every artifact a command produces. */
final class RunOutput {
    private RunOutput() {}

    /** The provenance of a run on a backend; versions are looked up by {@link RunRecord}. */
    static RunRecord record(
            Backend backend,
            String algorithm,
            Map<String, ?> config,
            long seed,
            String dataHash,
            Instant start) {
        return RunRecord.builder()
                .backend(backend)
                .algorithm(algorithm)
                .config(config)
                .seed(seed)
                .dataHash(dataHash)
                .start(start)
                .end(Instant.now())
                .build();
    }
}
