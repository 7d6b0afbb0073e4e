package dev.credence.io.stan;

import dev.credence.io.FileFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one Stan CSV file of the NUTS sampler; see {@link StanCsv} for the layout. Apache Commons
 * CSV splits the records and hands over the {@code #} comment lines before each record and after
 * the last one; this class reads the sampler's settings, adaptation and timing from them.
 */
final class StanCsvReader {
    private final String src;
    private final Map<String, String> settings = new HashMap<>();
    private String[] header;
    private int headerLine;
    private double stepSize = Double.NaN;
    private double[] metric = new double[0];
    private boolean metricNext;
    private double warmup;
    private double sampling;
    private final List<double[]> rows = new ArrayList<>();

    private StanCsvReader(String src) {
        this.src = src;
    }

    /** Stan's CSV: comma-separated, {@code #} comments, blank lines skipped, cells trimmed. */
    static final CSVFormat FORMAT =
            CSVFormat.DEFAULT
                    .builder()
                    .setCommentMarker('#')
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .setRecordSeparator('\n')
                    .get();

    static StanChain read(Path file) throws IOException {
        StanCsvReader r = new StanCsvReader(file.toString());
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(in, FORMAT)) {
            long before = 0;
            for (CSVRecord rec : p) {
                long at = p.getCurrentLineNumber();
                r.comments(rec.getComment(), before);
                r.record(rec, (int) at);
                before = at;
            }
            r.comments(p.getTrailerComment(), before);
        } catch (UncheckedIOException e) {
            throw new FileFormatException(
                    file.toString(), "not a valid CSV file: " + e.getCause().getMessage(), e);
        }
        return r.chain();
    }

    private void comments(String block, long after) throws FileFormatException {
        if (block == null) {
            return;
        }
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            comment(lines[i].strip(), (int) after + 1 + i);
        }
    }

    private void record(CSVRecord rec, int number) throws FileFormatException {
        String[] cells = rec.values();
        if (header == null) {
            header = cells;
            headerLine = number;
        } else {
            rows.add(row(cells, number));
        }
    }

    private void comment(String c, int number) throws FileFormatException {
        if (metricNext) {
            metricNext = false;
            metric = numbers(c.isEmpty() ? new String[0] : c.split(","), number, "the metric");
        } else if (c.startsWith("Diagonal elements of inverse mass matrix")) {
            metricNext = true;
        } else if (c.startsWith("Elements of inverse mass matrix")) {
            throw new FileFormatException(
                    src,
                    "line "
                            + number
                            + ": a dense metric (dense_e)"
                            + " is not read; only diag_e files are");
        } else if (c.startsWith("Step size =")) {
            stepSize = numbers(new String[] {after(c, '=')}, number, "the step size")[0];
        } else if (c.contains("seconds (Warm-up)")) {
            warmup = seconds(c.replace("Elapsed Time:", ""), number);
        } else if (c.contains("seconds (Sampling)")) {
            sampling = seconds(c, number);
        } else if (header == null && c.contains("=")) {
            String key = c.substring(0, c.indexOf('=')).strip();
            settings.putIfAbsent(key, after(c, '=').replace("(Default)", "").strip());
        }
    }

    private double[] row(String[] cells, int number) throws FileFormatException {
        if (cells.length != header.length) {
            throw new FileFormatException(
                    src,
                    "line "
                            + number
                            + " has "
                            + cells.length
                            + " cells, expected "
                            + header.length
                            + " as in the header on line "
                            + headerLine);
        }
        return numbers(cells, number, "a draw");
    }

    private double[] numbers(String[] cells, int number, String what) throws FileFormatException {
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i].strip();
            try {
                v[i] = StanCsv.parse(s);
            } catch (NumberFormatException e) {
                String col = header != null && what.equals("a draw") ? " (" + header[i] + ")" : "";
                throw new FileFormatException(
                        src,
                        "line "
                                + number
                                + ", column "
                                + (i + 1)
                                + col
                                + ": cannot read '"
                                + s
                                + "' in "
                                + what
                                + " as a number",
                        e);
            }
        }
        return v;
    }

    private double seconds(String c, int number) throws FileFormatException {
        String s = c.substring(0, c.indexOf("seconds")).strip();
        return numbers(new String[] {s}, number, "an elapsed time")[0];
    }

    private static String after(String c, char sep) {
        return c.substring(c.indexOf(sep) + 1).strip();
    }

    private StanChain chain() throws FileFormatException {
        if (header == null) {
            throw new FileFormatException(
                    src,
                    "no header row: expected a line starting with" + " lp__ after the comments");
        }
        if (!"sample".equals(settings.get("method")) || !"nuts".equals(settings.get("engine"))) {
            throw new FileFormatException(
                    src,
                    "expected draws of method = sample with engine ="
                            + " nuts, found method = "
                            + settings.get("method")
                            + ", engine = "
                            + settings.get("engine"));
        }
        String save = settings.getOrDefault("save_warmup", "0");
        if (!save.equals("0") && !save.equals("false")) {
            throw new FileFormatException(
                    src,
                    "save_warmup = "
                            + save
                            + ": files with warm-up"
                            + " draws are not read; write them with save_warmup = 0");
        }
        int expected = (int) setting("num_samples");
        if (!settings.getOrDefault("thin", "1").equals("1")) {
            throw new FileFormatException(
                    src, "thin = " + settings.get("thin") + ": only thin = 1 is read");
        }
        if (rows.size() != expected) {
            throw new FileFormatException(
                    src,
                    "truncated or padded: the settings declare"
                            + " num_samples = "
                            + expected
                            + ", the file holds "
                            + rows.size()
                            + " draws");
        }
        StanRun run =
                new StanRun(
                        settings.getOrDefault("model", "unknown"),
                        (long) setting("seed"),
                        (int) setting("num_warmup"),
                        (int) setting("max_depth"),
                        setting("delta"));
        return columns(run);
    }

    private StanChain columns(StanRun run) throws FileFormatException {
        int[] diag = new int[StanCsv.DIAGNOSTICS.size()];
        List<Integer> params = new ArrayList<>();
        Arrays.fill(diag, -1);
        for (int i = 0; i < header.length; i++) {
            int k = StanCsv.DIAGNOSTICS.indexOf(header[i]);
            if (k >= 0) {
                diag[k] = i;
            } else if (!header[i].endsWith("__")) {
                params.add(i);
            }
        }
        for (int k = 0; k < diag.length; k++) {
            if (diag[k] < 0) {
                throw new FileFormatException(
                        src,
                        "line "
                                + headerLine
                                + ": the header lacks"
                                + " the column "
                                + StanCsv.DIAGNOSTICS.get(k)
                                + "; NUTS files have "
                                + StanCsv.DIAGNOSTICS);
            }
        }
        double[][] draws = new double[rows.size()][params.size()];
        double[][] diagnostics = new double[rows.size()][diag.length];
        for (int d = 0; d < rows.size(); d++) {
            for (int p = 0; p < params.size(); p++) {
                draws[d][p] = rows.get(d)[params.get(p)];
            }
            for (int k = 0; k < diag.length; k++) {
                diagnostics[d][k] = rows.get(d)[diag[k]];
            }
        }
        List<String> names = params.stream().map(i -> header[i]).toList();
        return new StanChain(
                run,
                (int) setting("id"),
                names,
                draws,
                diagnostics,
                stepSize,
                metric,
                warmup,
                sampling);
    }

    private double setting(String key) throws FileFormatException {
        String v = settings.get(key);
        if (v == null) {
            throw new FileFormatException(src, "the comment header lacks '# " + key + " = ...'");
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new FileFormatException(src, "'# " + key + " = " + v + "' is not a number", e);
        }
    }
}
