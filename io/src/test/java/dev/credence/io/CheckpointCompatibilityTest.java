package dev.credence.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint format versions: files written by the format-1 code (checked in, never regenerated)
 * still read, and the header checksum of format 2 catches every edit of the header.
 */
class CheckpointCompatibilityTest {
    @TempDir Path dir;

    private Path formatOne() throws IOException {
        Path f = dir.resolve("format-1.ckpt");
        try (InputStream in = getClass().getResourceAsStream("/legacy/format-1.ckpt")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    @DisplayName("a file written by the format-1 code reads with its exact values")
    void readsFormatOne() throws IOException {
        Path f = formatOne();
        assertEquals(
                0x2a5,
                ByteBuffer.wrap(Files.readAllBytes(f), 8, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt(),
                "the resource is a format-1 file (header length at bytes 8-11)");
        Checkpoint c = Checkpoint.read(f);
        assertArrayEquals(
                new double[] {1.5, -2.25, 0.0, 1e-300, Double.MAX_VALUE, -0.5},
                c.array("weights").toDoubleArray());
        assertEquals("[2, 3]", c.array("weights").shape().toString());
        assertArrayEquals(new double[] {0.25, -1, 3.5}, c.array("floats").toDoubleArray());
        assertArrayEquals(new int[] {7, -3, 2147483647, 0}, c.array("counts").toIntArray());
        assertEquals(
                Map.of("epoch", 12L, "targetSd", 2.5, "name", "written by the format-1 writer"),
                c.metadata());
    }

    @Test
    @DisplayName("rewriting a format-1 checkpoint gives a format-2 file with the same content")
    void upgrades() throws IOException {
        Checkpoint old = Checkpoint.read(formatOne());
        Path f = dir.resolve("new.ckpt");
        Checkpoint.of(old.arrays(), old.metadata()).write(f);
        byte[] b = Files.readAllBytes(f);
        assertEquals(
                Checkpoint.FORMAT_VERSION,
                ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        Checkpoint back = Checkpoint.read(f);
        assertEquals(old.metadata(), back.metadata());
        for (String name : old.arrays().keySet()) {
            assertArrayEquals(
                    old.array(name).toDoubleArray(), back.array(name).toDoubleArray(), name);
        }
    }

    @Test
    @DisplayName("every one-byte change of a format-2 header or preamble is refused")
    void headerChecksum() throws IOException {
        Path f = dir.resolve("c.ckpt");
        Checkpoint.of(
                        Map.of("w", HostArray.ofDoubles(new double[] {1, 2, 3}, 3)),
                        Map.of("targetSd", 0.75, "epoch", 3))
                .write(f);
        byte[] good = Files.readAllBytes(f);
        int headerLength = ByteBuffer.wrap(good, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Path bad = dir.resolve("bad.ckpt");
        for (int i = 8; i < CheckpointFormat.PREAMBLE + headerLength; i++) {
            for (int bit : new int[] {0x01, 0x20}) {
                byte[] b = good.clone();
                b[i] ^= (byte) bit;
                Files.write(bad, b);
                int at = i;
                assertThrows(
                        FileFormatException.class,
                        () -> Checkpoint.read(bad),
                        () -> "byte " + at + " changed, but the file still reads");
            }
        }
    }
}
