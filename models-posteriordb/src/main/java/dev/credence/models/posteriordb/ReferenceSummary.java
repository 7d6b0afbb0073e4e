package dev.credence.models.posteriordb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * posteriordb's summary of a posterior's reference draws ({@code reference_summary.csv}): per
 * parameter, with Stan's names ({@code beta[2]}), the mean, standard deviation and the 5, 50 and
 * 95% quantiles. The file has the header {@code param,mean,sd,q5,q50,q95,n_draws,n_chains}.
 *
 * @param source where the summary was read from
 * @param rows the parameters in file order
 */
public record ReferenceSummary(String source, List<Row> rows) {

    /**
     * One parameter of the reference.
     *
     * @param param the parameter's Stan name
     * @param mean the posterior mean
     * @param sd the posterior standard deviation
     * @param q5 the 5% quantile
     * @param q50 the median
     * @param q95 the 95% quantile
     */
    public record Row(String param, double mean, double sd, double q5, double q50, double q95) {}

    private static final String HEADER = "param,mean,sd,q5,q50,q95";

    /**
     * Copies the rows.
     *
     * @param source where the summary was read from
     * @param rows the parameters in file order
     */
    public ReferenceSummary {
        rows = List.copyOf(rows);
    }

    /**
     * Reads a summary file.
     *
     * @param file the CSV file
     * @return the summary
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it does not have the expected columns
     */
    public static ReferenceSummary read(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    /**
     * Parses the lines of a summary file.
     *
     * @param lines the lines, header first
     * @param source where they came from, for messages
     * @return the summary
     */
    public static ReferenceSummary parse(List<String> lines, String source) {
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
            throw new IllegalArgumentException(
                    source
                            + ": expected the header '"
                            + HEADER
                            + ",...', found "
                            + (lines.isEmpty() ? "an empty file" : "'" + lines.get(0) + "'"));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            // The parameter name may hold commas (z[1,2]); the six numbers are the last fields.
            String[] f = line.split(",");
            if (f.length < 8) {
                throw new IllegalArgumentException(
                        source + " line " + (i + 1) + ": expected 8 fields, found '" + line + "'");
            }
            int n = f.length;
            String param = String.join(",", java.util.Arrays.copyOf(f, n - 7));
            try {
                rows.add(
                        new Row(
                                param,
                                Double.parseDouble(f[n - 7]),
                                Double.parseDouble(f[n - 6]),
                                Double.parseDouble(f[n - 5]),
                                Double.parseDouble(f[n - 4]),
                                Double.parseDouble(f[n - 3])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        source + " line " + (i + 1) + ": not a number in '" + line + "'", e);
            }
        }
        return new ReferenceSummary(source, rows);
    }

    /**
     * Returns the rows by parameter name.
     *
     * @return an ordered map
     */
    public Map<String, Row> byParam() {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : rows) {
            m.put(r.param(), r);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Returns the parameter names.
     *
     * @return the names in file order
     */
    public List<String> params() {
        return rows.stream().map(Row::param).toList();
    }
}
