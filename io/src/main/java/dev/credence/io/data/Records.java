package dev.credence.io.data;

import dev.credence.io.FileFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The non-blank records of a text table with the line each starts on, for {@link CsvReader}.
 *
 * <p>Delimited text is split by Apache Commons CSV (RFC 4180 quoting, cells trimmed, a quoted cell
 * may hold the delimiter or a line break); the whitespace format splits each line on runs of spaces
 * and tabs, as the UCI files are laid out. A byte-order mark at the start is dropped, and bytes
 * that are not UTF-8 or broken quoting are a {@link FileFormatException} with the line.
 */
final class Records {
    private final String source;
    private final Iterator<CSVRecord> delimited;
    private final CSVParser parser;
    private final BufferedReader lines;
    private int line;
    private boolean first = true;

    Records(Reader in, String source, CsvFormat format) throws IOException {
        this.source = source;
        if (format.splitsOnWhitespace()) {
            this.lines = new BufferedReader(in);
            this.parser = null;
            this.delimited = null;
        } else {
            CSVFormat csv =
                    CSVFormat.DEFAULT
                            .builder()
                            .setDelimiter(format.delimiter())
                            .setTrim(true)
                            .setIgnoreSurroundingSpaces(true)
                            .setIgnoreEmptyLines(false)
                            .get();
            this.lines = null;
            this.parser = CSVParser.parse(in, csv);
            this.delimited = parser.iterator();
        }
    }

    /** Returns the line the last record returned by {@link #next()} starts on, from 1. */
    int line() {
        return line;
    }

    /**
     * Returns the cells of the next non-blank record, or null at the end.
     *
     * @throws FileFormatException for bytes that are not UTF-8 or broken quoting
     */
    String[] next() throws IOException {
        try {
            String[] cells;
            do {
                cells = lines != null ? nextLine() : nextRecord();
                if (cells == null) {
                    return null;
                }
            } while (blank(cells));
            return cells;
        } catch (CharacterCodingException e) {
            throw notUtf8(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException c) {
                throw notUtf8(c);
            }
            throw new FileFormatException(
                    source, "line " + (line + 1) + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private String[] nextRecord() {
        long before = parser.getCurrentLineNumber();
        if (!delimited.hasNext()) {
            return null;
        }
        CSVRecord r = delimited.next();
        line = (int) before + 1;
        return bom(r.values());
    }

    private String[] nextLine() throws IOException {
        String text = lines.readLine();
        if (text == null) {
            return null;
        }
        line++;
        String[] cells = text.strip().split("\\s+");
        return bom(cells);
    }

    private String[] bom(String[] cells) {
        if (first && cells.length > 0 && cells[0].startsWith("\uFEFF")) {
            cells[0] = cells[0].substring(1).strip();
        }
        first = false;
        return cells;
    }

    private static boolean blank(String[] cells) {
        return cells.length == 0 || (cells.length == 1 && cells[0].isBlank());
    }

    private FileFormatException notUtf8(CharacterCodingException e) {
        return new FileFormatException(
                source,
                "not UTF-8 text: a byte sequence at or after line "
                        + (line + 1)
                        + " cannot be decoded ("
                        + e.getClass().getSimpleName()
                        + "); save the file with UTF-8 encoding",
                e);
    }
}
