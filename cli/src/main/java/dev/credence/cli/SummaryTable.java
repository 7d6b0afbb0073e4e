package dev.credence.cli;

import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.io.data.CsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints posterior summaries as Stan and ArviZ do, and writes them as {@code summary.csv}. */
final class SummaryTable {
    private SummaryTable() {}

    static void print(PrintWriter out, List<ParameterSummary> rows) {
        out.printf(
                "%-16s %9s %9s %9s %9s %9s %9s %8s %8s %7s%n",
                "parameter",
                "mean",
                "sd",
                "5%",
                "50%",
                "95%",
                "mcse",
                "ess_bulk",
                "ess_tail",
                "r_hat");
        for (ParameterSummary s : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %9.3f %9.3f %9.3f %9.3f %9.3f %9.4f %8.0f %8.0f %7.3f%n",
                    s.name(),
                    s.mean(),
                    s.sd(),
                    s.q5(),
                    s.q50(),
                    s.q95(),
                    s.mcseMean(),
                    s.essBulk(),
                    s.essTail(),
                    s.rhat());
        }
    }

    /** The columns of {@code summary.csv}. */
    static final List<String> CSV_COLUMNS =
            List.of(
                    "parameter",
                    "mean",
                    "sd",
                    "q5",
                    "q50",
                    "q95",
                    "mcse_mean",
                    "ess_bulk",
                    "ess_tail",
                    "rhat");

    /**
     * Writes {@code summary.csv}: one row per parameter, numbers to 17 significant digits.
     *
     * @param file the file
     * @param rows the summaries
     * @throws IOException if it cannot be written
     */
    static void writeCsv(Path file, List<ParameterSummary> rows) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (ParameterSummary s : rows) {
            List<String> row = new ArrayList<>(List.of(s.name()));
            for (double v :
                    new double[] {
                        s.mean(),
                        s.sd(),
                        s.q5(),
                        s.q50(),
                        s.q95(),
                        s.mcseMean(),
                        s.essBulk(),
                        s.essTail(),
                        s.rhat()
                    }) {
                row.add(String.format(Locale.ROOT, "%.17g", v));
            }
            table.add(row);
        }
        CsvWriter.write(file, CSV_COLUMNS, table);
    }
}
