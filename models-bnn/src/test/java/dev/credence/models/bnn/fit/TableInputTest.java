package dev.credence.models.bnn.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.io.FileFormatException;
import dev.credence.io.data.InvalidDataException;
import dev.credence.io.data.MissingValues;
import dev.credence.models.bnn.data.Standardizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables for networks: columns by name, rows by line, and data that cannot be standardised. */
class TableInputTest {
    @TempDir Path dir;

    private Path csv(String text) throws Exception {
        return Files.writeString(dir.resolve("t.csv"), text);
    }

    @Test
    @DisplayName("columns are matched to the fitted ones by name, and mismatches named")
    void matching() throws Exception {
        TableInput t =
                TableInput.read(csv("b,y,a\n1,9,2\n3,8,4\n"), "y", true, MissingValues.REJECT);
        assertEquals(List.of("b", "a"), t.features());
        TableInput m = t.matching(List.of("a", "b"), 2);
        assertArrayEquals(new double[] {2, 1, 4, 3}, m.data().features().toDoubleArray());
        assertArrayEquals(new double[] {9, 8}, m.data().targets().orElseThrow().toDoubleArray());
        var e = assertThrows(InvalidDataException.class, () -> t.matching(List.of("a", "c"), 2));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "the network was fitted on the feature columns 'a', 'c'; missing"
                                        + " here: 'c'; not used by the network: 'b' (give the"
                                        + " target with --target, or drop them), this file has"
                                        + " 'b', 'a' and the target 'y'"),
                e.getMessage());
        assertThrows(InvalidDataException.class, () -> t.matching(null, 3));
        assertEquals(t, t.matching(null, 2));
    }

    @Test
    @DisplayName("a target is required when named for a fit, optional when guessed for prediction")
    void targets() throws Exception {
        Path f = csv("x\n1\n2\n");
        var e =
                assertThrows(
                        FileFormatException.class,
                        () -> TableInput.read(f, "y", true, MissingValues.REJECT));
        assertTrue(e.getMessage().endsWith("no column named 'y'; the header names [x]"));
        TableInput t = TableInput.read(f, "y", false, MissingValues.REJECT);
        assertEquals(null, t.target());
        assertTrue(t.data().targets().isEmpty());
    }

    @Test
    @DisplayName("dropped rows keep the file lines of the others for messages")
    void lines() throws Exception {
        TableInput t =
                TableInput.read(csv("x,y\n1,2\nNaN,3\n4,5\n"), "y", true, MissingValues.DROP_ROWS);
        assertEquals(List.of(3), t.dropped());
        assertEquals("line 4", t.where(1));
    }

    @Test
    @DisplayName("a column too large to standardise is named with its largest value")
    void overflow() throws Exception {
        TableInput t =
                TableInput.read(
                        csv("x,y\n1e300,1\n-1e300,2\n1e300,3\n"), "y", true, MissingValues.REJECT);
        var e =
                assertThrows(
                        InvalidDataException.class,
                        () ->
                                Standardizer.fit(
                                        t.data(), true, t.source(), t.features(), t.target()));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "column 'x' has values up to 1.0E300 in magnitude, too large to"
                                        + " standardise (its standard deviation overflows a"
                                        + " double); rescale the column"),
                e.getMessage());
    }
}
