package dev.credence.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files: bit-exact round trips, atomic replacement, and every validation. */
class CheckpointTest {
    @TempDir Path dir;

    static Checkpoint sample() {
        float[] f = {
            1.5f,
            -0f,
            Float.MIN_VALUE,
            Float.intBitsToFloat(0x7fc01234),
            Float.POSITIVE_INFINITY,
            3e38f
        };
        double[] d = {
            Math.PI,
            -0.0,
            Double.MIN_VALUE,
            Double.longBitsToDouble(0x7ff8dead0000beefL),
            Double.NEGATIVE_INFINITY
        };
        int[] i = {Integer.MIN_VALUE, -1, 0, 7, Integer.MAX_VALUE, 3};
        Map<String, HostArray> arrays = new LinkedHashMap<>();
        arrays.put("w", HostArray.ofFloats(f, 2, 3));
        arrays.put("theta", HostArray.ofDoubles(d));
        arrays.put("idx", HostArray.ofInts(i, 3, 1, 2));
        arrays.put("empty", HostArray.ofFloats(new float[0], 0, 4));
        ByteBuffer two = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, 2.0);
        arrays.put("scalar", HostArray.read(two, DType.FLOAT64, Shape.scalar()));
        return Checkpoint.of(arrays, Map.of("epoch", 12, "note", "after warm-up"));
    }

    @Test
    @DisplayName("FLOAT32, FLOAT64 and INT32 arrays come back bit for bit, NaN payloads included")
    void roundTrip() throws IOException {
        Path f = dir.resolve("model.ckpt");
        Checkpoint c = sample();
        c.write(f);
        Checkpoint back = Checkpoint.read(f);
        assertEquals(List.copyOf(c.arrays().keySet()), List.copyOf(back.arrays().keySet()));
        for (String name : c.arrays().keySet()) {
            HostArray a = c.array(name);
            HostArray b = back.array(name);
            assertEquals(a.dtype(), b.dtype(), name);
            assertEquals(a.shape(), b.shape(), name);
            assertArrayEquals(bytes(a), bytes(b), name);
        }
        assertEquals(Map.of("epoch", 12L, "note", "after warm-up"), back.metadata());
        assertEquals(0, Files.size(f) % 64, "arrays are 64-byte aligned, the file ends on one");
    }

    static byte[] bytes(HostArray a) {
        ByteBuffer b = ByteBuffer.allocate((int) a.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        a.write(b);
        return b.array();
    }

    @Test
    @DisplayName("a write that fails midway leaves the old checkpoint intact and no temp file")
    void atomicReplace() throws IOException {
        Path f = dir.resolve("model.ckpt");
        Checkpoint old = Checkpoint.of(Map.of("v", HostArray.ofInts(new int[] {1})), Map.of());
        old.write(f);
        byte[] before = Files.readAllBytes(f);
        IOException e =
                assertThrows(
                        IOException.class, () -> sample().write(f, out -> new FailAfter(out, 200)));
        assertEquals("disk full (simulated) after 200 bytes", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(1, Checkpoint.read(f).array("v").toIntArray()[0]);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    /** A stream that fails once a number of bytes has passed. */
    static final class FailAfter extends FilterOutputStream {
        private long left;
        private final long limit;

        FailAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
            this.limit = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                super.write(b, off, (int) left);
                throw new IOException("disk full (simulated) after " + limit + " bytes");
            }
            left -= len;
            super.write(b, off, len);
        }
    }

    @Test
    @DisplayName("truncated, foreign, newer, inconsistent and damaged files are refused clearly")
    void validation() throws IOException {
        Path good = dir.resolve("good.ckpt");
        sample().write(good);
        byte[] bytes = Files.readAllBytes(good);

        assertProblem(
                Arrays.copyOf(bytes, 7),
                "truncated: a checkpoint starts with at least 12 bytes"
                        + " (magic, version or header length), found 7");
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        assertProblem(
                foreign,
                "not a Credence checkpoint: expected the magic bytes \"CREDCKPT\","
                        + " found 0x58524544434b5054");
        assertProblem(Arrays.copyOf(bytes, 40), "truncated: the header declares");
        assertProblem(Arrays.copyOf(bytes, bytes.length - 10), "truncated: the header declares");
        assertProblem(Arrays.copyOf(bytes, bytes.length + 3), "too long: the header declares");
        byte[] damaged = bytes.clone();
        damaged[damaged.length - 64 * 3 + 1] ^= 0x10; // inside the data section
        assertProblem(damaged, "array 'theta' is damaged: the CRC-32C of its bytes is");

        String header = header(bytes);
        byte[] edited = bytes.clone();
        int at = header.indexOf("\"dataBytes\": ") + "\"dataBytes\": ".length();
        edited[CheckpointFormat.PREAMBLE + at] = '9'; // an edit that leaves the layout as it was
        assertProblem(edited, "the header is damaged or was edited: the CRC-32C of its bytes is");
        assertProblem(
                withHeader(bytes, header.replace("\"version\": 2", "\"version\": 3")),
                "format version 3 is newer than this reader, which reads versions 1 to 2");
        byte[] newer = bytes.clone();
        newer[8] = 3;
        assertProblem(newer, "format version 3 is newer than this reader");
        assertProblem(
                withHeader(bytes, header.replace("\"length\": 24", "\"length\": 20")),
                "array 'w': length 20 bytes does not match dtype FLOAT32 and shape [2, 3],"
                        + " which take 24 bytes");
        assertProblem(
                withHeader(bytes, header.replace("\"FLOAT64\"", "\"COMPLEX\"")),
                "array 'theta': dtype COMPLEX is not one of FLOAT32, FLOAT64, INT32");
        assertProblem(
                withHeader(
                        bytes,
                        header.replace(
                                "\"format\": \"credence-checkpoint\"", "\"format\": \"other\"")),
                "expected \"format\": \"credence-checkpoint\"");
        assertProblem(withHeader(bytes, header.replace("{", "[")), "the header is not valid JSON");
    }

    private void assertProblem(byte[] content, String expected) throws IOException {
        Path f = dir.resolve("bad.ckpt");
        Files.write(f, content);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(
                e.problem().startsWith(expected),
                "expected <" + expected + "> in <" + e.problem() + ">");
    }

    private static String header(byte[] file) {
        int n = ByteBuffer.wrap(file, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return new String(file, CheckpointFormat.PREAMBLE, n, StandardCharsets.UTF_8);
    }

    /**
     * Replaces the header (with a matching checksum, so that the checks behind it are reached),
     * keeping the data section where the header length puts it.
     */
    private static byte[] withHeader(byte[] file, String header) {
        int pre = CheckpointFormat.PREAMBLE;
        int oldLength = ByteBuffer.wrap(file, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        long dataStart = CheckpointFormat.align(pre + oldLength);
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        assertTrue(pre + h.length <= dataStart, "the edited header must fit its padding");
        byte[] out = file.clone();
        Arrays.fill(out, pre, (int) dataStart, (byte) 0);
        ByteBuffer.wrap(out, 12, 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(h.length)
                .putInt((int) CheckpointFormat.crc(h));
        System.arraycopy(h, 0, out, pre, h.length);
        return out;
    }
}
