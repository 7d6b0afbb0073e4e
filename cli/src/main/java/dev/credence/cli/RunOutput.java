package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.diagnostics.Checks;
import dev.credence.io.RunRecord;
import dev.credence.plot.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every run leaves besides its own files: the provenance record written next to each artifact,
 * the warning lines of failed convergence checks, and the HTML report of the folder.
 */
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

    /**
     * Prints one {@code warning:} line per failed convergence check ({@link Checks}) of MCMC draws.
     *
     * @param err where the lines go
     * @param d the draws
     * @return the warnings
     */
    static List<String> warnings(PrintWriter err, Draws d) {
        List<String> w = Checks.mcmc(d.summary(), d.chains(), d.divergences(), d.ebfmi());
        for (String line : w) {
            err.println("warning: " + line);
        }
        err.flush();
        return w;
    }

    /**
     * Writes the folder's HTML report ({@link RunReport}).
     *
     * @param dir the run folder
     * @return the page
     * @throws IOException if it cannot be written
     */
    static Path report(Path dir) throws IOException {
        return RunReport.write(dir);
    }
}
