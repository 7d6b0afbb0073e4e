package dev.credence.cli;

import dev.credence.api.io.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The output folder of a run, and the provenance record written next to every artifact. */
final class RunOutput {
    private RunOutput() {}

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The folder to write into: the given one, or {@code runs/<command>-<utc time>}. */
    static Path folder(Path given, String command) {
        Path dir =
                given != null
                        ? given
                        : Path.of("runs", command + "-" + STAMP.format(Instant.now()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

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
