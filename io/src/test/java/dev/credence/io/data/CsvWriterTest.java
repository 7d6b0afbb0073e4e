package dev.credence.io.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV out: RFC 4180 quoting where needed, empty cells for null, rows checked against the header.
 */
class CsvWriterTest {
    @TempDir Path dir;

    @Test
    @DisplayName("plain cells stay bare; commas, quotes and line breaks are quoted; null is empty")
    void quoting() throws IOException {
        Path f = dir.resolve("sub/t.csv");
        CsvWriter.write(
                f,
                List.of("name", "x, y", "note"),
                List.of(
                        List.of("mu", "1.5", "plain"),
                        Arrays.asList("say \"hi\"", null, "two\nlines")));
        assertEquals(
                "name,\"x, y\",note\nmu,1.5,plain\n\"say \"\"hi\"\"\",,\"two\nlines\"\n",
                Files.readString(f));
    }

    @Test
    @DisplayName("a row of the wrong length is refused before anything is written")
    void rowLength() {
        Path f = dir.resolve("t.csv");
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CsvWriter.write(f, List.of("a", "b"), List.of(List.of("1"))));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("1 cells for 2"));
        assertTrue(Files.notExists(f));
    }
}
