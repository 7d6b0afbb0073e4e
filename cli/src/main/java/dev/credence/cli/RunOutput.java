package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.infer.diagnostics.Checks;
import dev.credence.io.AtomicFiles;
import dev.credence.io.Json;
import dev.credence.io.RunRecord;
import dev.credence.plot.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * Writes an SVI run's ELBO trace as {@code metrics.json}: one object per progress report, with
     * the optimisation {@code step}, the {@code elbo} estimate and its {@code log_likelihood} and
     * {@code kl} parts (each averaged over the steps since the previous report; a non-finite value
     * is written as null). The run report draws it as the ELBO curve.
     *
     * @param dir the run folder
     * @param trace the reports, in order
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path sviTrace(Path dir, List<ProgressListener.Svi> trace) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProgressListener.Svi p : trace) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", p.step());
            row.put("elbo", finite(p.elbo()));
            row.put("log_likelihood", finite(p.logLikelihood()));
            row.put("kl", finite(p.kl()));
            rows.add(row);
        }
        Path file = dir.resolve("metrics.json");
        AtomicFiles.writeString(file, Json.write(rows) + "\n");
        return file;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
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
