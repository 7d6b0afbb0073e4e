package dev.credence.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.io.FileFormatException;
import dev.credence.io.HostArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files: the real MNIST test set, and every way a file can be broken. */
class IdxReaderTest {
    static final Path MNIST = SharedData.dir("mnist-t10k");
    static final Path IMAGES = MNIST.resolve("t10k-images-idx3-ubyte.gz");
    static final Path LABELS = MNIST.resolve("t10k-labels-idx1-ubyte.gz");

    /** The published class counts of the MNIST test set, digits 0 to 9. */
    static final int[] TEST_HISTOGRAM = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    @TempDir Path dir;

    @Test
    @DisplayName("the real MNIST test set: 10,000 images of 28 x 28 in [0, 1], the known labels")
    void realMnist() throws IOException {
        IdxFile images = IdxReader.readImages(IMAGES);
        assertEquals(Shape.of(10000, 28, 28), images.shape());
        HostArray x = images.toFloats();
        assertEquals(DType.FLOAT32, x.dtype());
        float[] v = x.toFloatArray();
        float min = 1;
        float max = 0;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        HostArray y = IdxReader.readLabels(LABELS).toInts();
        assertEquals(Shape.of(10000), y.shape());
        int[] hist = new int[10];
        for (int label : y.toIntArray()) {
            hist[label]++;
        }
        assertArrayEquals(TEST_HISTOGRAM, hist);
        assertEquals(7, y.toIntArray()[0], "the first test digit is a 7");
        assertEquals(
                "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                images.sha256());
    }

    @Test
    @DisplayName("a raw copy reads the same as the gzip file, with the same content hash")
    void rawAndGzip() throws IOException {
        Path raw = Files.write(dir.resolve("labels"), gunzip(Files.readAllBytes(LABELS)));
        IdxFile a = IdxReader.read(raw);
        IdxFile b = IdxReader.read(LABELS);
        assertArrayEquals(a.bytes(), b.bytes());
        assertEquals(a.sha256(), b.sha256());
    }

    @Test
    @DisplayName("broken headers: each message names the file and says expected versus found")
    void brokenHeaders() throws IOException {
        assertProblem(
                new byte[] {0, 0, 8},
                "truncated header: an IDX file starts with 4 bytes"
                        + " (0, 0, dtype, rank), found 3");
        assertProblem(
                new byte[] {1, 2, 8, 1, 0, 0, 0, 0},
                "bad magic number 0x01020801: an IDX"
                        + " file starts with two zero bytes, then a dtype byte and a rank byte"
                        + " (0x00000803 for images, 0x00000801 for labels)");
        assertProblem(
                new byte[] {0, 0, 0x07, 1, 0, 0, 0, 0},
                "unknown dtype byte 0x07: IDX" + " defines 0x08, 0x09, 0x0b, 0x0c, 0x0d and 0x0e");
        assertProblem(
                new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 0},
                "dtype byte 0x0d (32-bit float) is"
                        + " not supported: only 0x08 (unsigned byte) is read");
        assertProblem(
                new byte[] {0, 0, 8, 0},
                "rank 0 in the magic number: expected 1 to 8" + " dimensions");
        assertProblem(
                new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0},
                "truncated header: 3 dimensions" + " need 12 bytes, found 5");
        assertProblem(
                idx(new int[] {2, -3}, new byte[0]),
                "dimension 1 is -3 (read as a signed" + " 32-bit integer); sizes must be >= 0");
    }

    @Test
    @DisplayName("broken data: truncated, extra bytes, and damaged or cut gzip streams")
    void brokenData() throws IOException {
        assertProblem(
                idx(new int[] {2, 3}, new byte[5]),
                "truncated data: the header declares" + " [2, 3] = 6 bytes, found 5");
        assertProblem(
                idx(new int[] {2, 3}, new byte[8]),
                "2 unexpected bytes after the 6 data" + " bytes that the header [2, 3] declares");

        byte[] gz = Files.readAllBytes(LABELS);
        assertProblem(
                Arrays.copyOf(gz, gz.length / 2),
                "the gzip stream is truncated:" + " Unexpected end of ZLIB input stream");
        byte[] damaged = gz.clone();
        for (int i = 100; i < 200; i++) {
            damaged[i] ^= 0x5A;
        }
        assertProblem(damaged, "the gzip stream is damaged: ");
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 6] ^= 1; // inside the CRC-32 of the trailer
        assertProblem(badCrc, "the gzip stream is damaged: Corrupt GZIP trailer");
        byte[] truncatedInside = gzip(Arrays.copyOf(gunzip(gz), 5000));
        assertProblem(
                truncatedInside,
                "truncated data: the header declares [10000] = 10000" + " bytes, found 4992");
    }

    @Test
    @DisplayName("asking for images but finding labels says so")
    void wrongRank() {
        FileFormatException e =
                assertThrows(FileFormatException.class, () -> IdxReader.readImages(LABELS));
        assertEquals(
                "expected an image file [count, rows, columns] of rank 3, found rank 1"
                        + " [10000]",
                e.problem());
    }

    private void assertProblem(byte[] content, String expected) throws IOException {
        Path f = Files.write(dir.resolve("broken-idx1-ubyte"), content);
        FileFormatException e = assertThrows(FileFormatException.class, () -> IdxReader.read(f));
        assertEquals(f.toString(), e.source());
        assertTrue(
                e.problem().startsWith(expected),
                "expected <" + expected + "> in <" + e.problem() + ">");
    }

    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put(new byte[] {0, 0, 8, (byte) dims.length});
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bos)) {
            out.write(raw);
        }
        return bos.toByteArray();
    }
}
