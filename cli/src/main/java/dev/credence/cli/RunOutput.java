package dev.credence.cli;

import dev.credence.io.RunRecord;
import java.time.Instant;
import java.util.Map;

/** The provenance record written next to every artifact a command produces. */
final class RunOutput {
    private RunOutput() {}

    static RunRecord record(
            String backend,
            String algorithm,
            Map<String, ?> config,
            long seed,
            String dataHash,
            Instant start) {
        String version = RunOutput.class.getPackage().getImplementationVersion();
        return RunRecord.builder()
                .libraryVersion(version == null ? "development" : version)
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
