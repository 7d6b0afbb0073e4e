package dev.credence.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Shape;
import dev.credence.io.FileFormatException;
import dev.credence.io.HostArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numeric tables: the real UCI files, options, and bad cells reported by line and column. */
class CsvReaderTest {
    static final Path UCI = SharedData.dir("uci");

    @TempDir Path dir;

    @Test
    @DisplayName("UCI yacht: 308 rows x 7 columns split on any whitespace, last column the target")
    void yacht() throws IOException {
        Path f = UCI.resolve("yacht").resolve("data.txt");
        CsvTable t = CsvReader.readTable(f, CsvFormat.whitespace());
        assertEquals(Shape.of(308, 7), t.values().shape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6"), t.columns());
        Dataset d = CsvReader.read(f, CsvFormat.whitespace().withTarget(6));
        assertEquals(308, d.size());
        assertEquals(Shape.of(308, 6), d.features().shape());
        HostArray y = d.targets().orElseThrow();
        assertEquals(Shape.of(308), y.shape());
        assertArrayEquals(
                new double[] {-2.3, 0.568, 4.78, 3.99, 3.17, 0.125},
                d.features().rows(new int[] {0}).toDoubleArray());
        assertEquals(0.11, y.getDouble(0));
        assertEquals(46.66, y.getDouble(307));
    }

    @ParameterizedTest(name = "{0}: {1} rows x {2} columns")
    @CsvSource({
        "bostonHousing, 506, 14",
        "concrete, 1030, 9",
        "energy, 768, 9",
        "kin8nm, 8192, 9",
        "power-plant, 9568, 5",
        "wine-quality-red, 1599, 12"
    })
    @DisplayName("every UCI benchmark file reads with its row count")
    void uci(String name, int rows, int cols) throws IOException {
        CsvTable t =
                CsvReader.readTable(UCI.resolve(name).resolve("data.txt"), CsvFormat.whitespace());
        assertEquals(Shape.of(rows, cols), t.values().shape());
    }

    @Test
    @DisplayName("header, delimiter, quotes, blank lines, NaN and a target chosen by name")
    void options() throws IOException {
        Path f =
                Files.writeString(
                        dir.resolve("t.csv"), "\uFEFFa; \"b\" ;y\n\n1;2.5;3\n  \n-4; NaN ;5e-1\n");
        CsvFormat fmt = CsvFormat.csv().withDelimiter(';');
        CsvTable t = CsvReader.readTable(f, fmt);
        assertEquals(List.of("a", "b", "y"), t.columns());
        assertArrayEquals(
                new double[] {1, 2.5, 3, -4, Double.NaN, 0.5}, t.values().toDoubleArray());
        Dataset d = CsvReader.read(f, fmt.withTarget("b"));
        assertArrayEquals(new double[] {1, 3, -4, 0.5}, d.features().toDoubleArray());
        assertArrayEquals(
                new double[] {2.5, Double.NaN}, d.targets().orElseThrow().toDoubleArray());
        assertArrayEquals(
                new double[] {3, 0.5},
                CsvReader.read(f, fmt.withTarget(-1)).targets().orElseThrow().toDoubleArray());
    }

    @Test
    @DisplayName("a bad cell names the file, line, column, header name and the text")
    void badCells() throws IOException {
        assertProblem(
                "a,b,c\n1,2,3\n4,x7,6\n",
                CsvFormat.csv(),
                "line 3, column 2 ('b'): cannot read 'x7' as a number; every cell must be a"
                        + " decimal number, NaN or Inf");
        assertProblem(
                "1 2\n3 ?\n",
                CsvFormat.whitespace(),
                "line 2, column 2: cannot read '?' as a number; every cell must be a decimal"
                        + " number, NaN or Inf");
        assertProblem(
                "a,b\n1,\n",
                CsvFormat.csv(),
                "line 2, column 2 ('b'): the cell is empty; every cell must be a decimal number,"
                        + " NaN or Inf");
        assertProblem(
                "a,b\n1,0x10\n",
                CsvFormat.csv(),
                "line 2, column 2 ('b'): cannot read" + " '0x10' as a number");
        assertProblem(
                "1 2 3\n\n4 5\n",
                CsvFormat.whitespace(),
                "line 3 has 2 cells, expected 3 like line 1");
        assertProblem("\n \n", CsvFormat.whitespace(), "no rows: the file is empty or blank");
    }

    @Test
    @DisplayName("a target that does not exist is refused with the columns there are")
    void badTargets() throws IOException {
        assertProblem(
                "a,b\n1,2\n",
                CsvFormat.csv().withTarget("y"),
                "no column named 'y'; the header names [a, b]");
        assertProblem(
                "1 2\n",
                CsvFormat.whitespace().withTarget("y"),
                "target column 'y' is given by name, but the format has no header row; give its"
                        + " index");
        assertProblem(
                "1 2\n",
                CsvFormat.whitespace().withTarget(2),
                "target column 2 is out of range: rows have 2 columns (0 to 1, or -1 to -2 from"
                        + " the end)");
    }

    @Test
    @DisplayName("missing values: kept by default, refused with line and column, or rows dropped")
    void missingValues() throws IOException {
        String text = "x,y\n1,2\n3,NaN\n\n5,\n7,inf\n9,1e400\n11,12\n";
        assertProblem(
                text.replace("5,\n", "5,6\n"),
                CsvFormat.csv().withMissing(MissingValues.REJECT),
                "line 3, column 2 ('y'): 'NaN' is not a finite number (a missing value); this"
                        + " table needs a finite number in every cell");
        assertProblem(
                "x,y\n1,2\n1e400,3\n",
                CsvFormat.csv().withMissing(MissingValues.REJECT),
                "line 3, column 1 ('x'): '1e400' is not a finite number;");
        Path f = Files.writeString(dir.resolve("m.csv"), text);
        CsvTable t = CsvReader.readTable(f, CsvFormat.csv().withMissing(MissingValues.DROP_ROWS));
        assertArrayEquals(new double[] {1, 2, 11, 12}, t.values().toDoubleArray());
        assertArrayEquals(new int[] {2, 8}, t.lines());
        assertEquals(List.of(3, 5, 6, 7), t.dropped());
        Path g = Files.writeString(dir.resolve("k.csv"), "x\nNaN\n-Inf\n");
        double[] kept = CsvReader.readTable(g, CsvFormat.csv()).values().toDoubleArray();
        assertTrue(Double.isNaN(kept[0]) && kept[1] == Double.NEGATIVE_INFINITY);
        assertProblem(
                "x\nNaN\n",
                CsvFormat.csv().withMissing(MissingValues.DROP_ROWS),
                "no data rows left: every row has a missing value (lines [2])");
    }

    @Test
    @DisplayName(
            "a header with no rows, a name used twice, bytes that are not UTF-8, another delimiter")
    void tableProblems() throws IOException {
        assertProblem(
                "a,b\n\n",
                CsvFormat.csv(),
                "no data rows: the header names [a, b], but no rows follow");
        assertProblem(
                "a,b,a\n1,2,3\n",
                CsvFormat.csv(),
                "line 1: the header names column 'a' twice (columns 1 and 3)");
        assertProblem(
                "a;b\n1;2\n",
                CsvFormat.csv(),
                "line 2, column 1 ('a;b'): cannot read '1;2' as a number; every cell must be a"
                        + " decimal number, NaN or Inf (the cells seem to be separated by ';'");
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', '\n', '1', '\n', (byte) 0xE9, '\n'});
        FileFormatException e =
                assertThrows(FileFormatException.class, () -> CsvReader.read(f, CsvFormat.csv()));
        assertTrue(
                e.problem().startsWith("not UTF-8 text: a byte sequence at or after line"),
                e.problem());
    }

    private void assertProblem(String text, CsvFormat format, String expected) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), text);
        FileFormatException e =
                assertThrows(FileFormatException.class, () -> CsvReader.read(f, format));
        assertEquals(f.toString(), e.source());
        assertTrue(
                e.problem().startsWith(expected),
                "expected <" + expected + "> in <" + e.problem() + ">");
    }
}
