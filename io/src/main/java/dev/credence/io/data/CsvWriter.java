package dev.credence.io.data;

import dev.credence.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as an RFC 4180 CSV file (comma-separated, a header line, {@code \n} line ends,
 * UTF-8) with Apache Commons CSV, which quotes a cell only where it holds a comma, a quote or a
 * line break; the file is replaced atomically. Cells are written as {@link String#valueOf(Object)}
 * gives them, and {@code null} as an empty cell, so callers choose their number format:
 *
 * <pre>{@code
 * CsvWriter.write(file, List.of("name", "mean"), List.of(List.of("mu", "4.38")));
 * }</pre>
 *
 * <p>{@link CsvReader} reads such a file back.
 */
public final class CsvWriter {
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private CsvWriter() {}

    /**
     * Writes the file.
     *
     * @param file the file (its folder is created if needed)
     * @param header the column names
     * @param rows the rows, each as long as the header
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if a row's length differs from the header's, naming the row
     */
    public static void write(Path file, List<String> header, List<? extends List<?>> rows)
            throws IOException {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new IllegalArgumentException(
                        "CSV row "
                                + (i + 1)
                                + " of "
                                + file
                                + " has "
                                + rows.get(i).size()
                                + " cells for "
                                + header.size()
                                + " columns");
            }
        }
        AtomicFiles.write(
                file,
                out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter p = new CSVPrinter(w, FORMAT);
                    p.printRecord(header);
                    for (List<?> row : rows) {
                        p.printRecord(row);
                    }
                    p.flush();
                });
    }
}
