package dev.credence.io.data;

import dev.credence.api.backend.Shape;
import dev.credence.io.FileFormatException;
import dev.credence.io.Sha256;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, raw or gzip-compressed.
 *
 * <p>An IDX file is a 4-byte magic number (two zero bytes, a dtype byte, a rank byte), one
 * big-endian 32-bit size per dimension, then the elements in row-major order. Compression is
 * detected from the gzip magic bytes {@code 1f 8b}, not from the file name. Only the dtype byte
 * {@code 0x08} (unsigned byte), which the MNIST family uses, is read.
 *
 * <p>Every part is checked, and a problem is a {@link FileFormatException} that names the file and
 * says what was expected and what was found: a wrong magic number, an unknown or unsupported dtype,
 * a rank of zero, a truncated header, fewer data bytes than the dimensions declare, bytes after the
 * data, or a damaged gzip stream.
 *
 * <pre>{@code
 * IdxFile images = IdxReader.readImages(dir.resolve("t10k-images-idx3-ubyte.gz"));
 * HostArray x = images.toFloats();                 // FLOAT32 [10000, 28, 28] in [0, 1]
 * HostArray y = IdxReader.readLabels(labelsFile).toInts(); // INT32 [10000]
 * }</pre>
 */
public final class IdxReader {
    static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_RANK = 8;

    private IdxReader() {}

    /**
     * Reads an IDX file of any rank.
     *
     * @param file the file, raw or gzip-compressed
     * @return the content
     * @throws FileFormatException if the file is not a valid IDX file of unsigned bytes
     * @throws IOException if the file cannot be read
     */
    public static IdxFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads an image file: rank 3, {@code [count, rows, columns]}.
     *
     * @param file the file, raw or gzip-compressed
     * @return the content
     * @throws FileFormatException if the file is not a valid IDX file of rank 3
     * @throws IOException if the file cannot be read
     */
    public static IdxFile readImages(Path file) throws IOException {
        return requireRank(read(file), 3, "an image file [count, rows, columns]");
    }

    /**
     * Reads a label file: rank 1, {@code [count]}.
     *
     * @param file the file, raw or gzip-compressed
     * @return the content
     * @throws FileFormatException if the file is not a valid IDX file of rank 1
     * @throws IOException if the file cannot be read
     */
    public static IdxFile readLabels(Path file) throws IOException {
        return requireRank(read(file), 1, "a label file [count]");
    }

    /**
     * Reads IDX content from a stream, raw or gzip-compressed. The stream is read to its end but
     * not closed.
     *
     * @param in the stream
     * @param source the name to use in error messages
     * @return the content
     * @throws FileFormatException if the content is not a valid IDX file of unsigned bytes
     * @throws IOException if the stream cannot be read
     */
    public static IdxFile read(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        MessageDigest digest = Sha256.digest();
        try {
            InputStream raw = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return parse(new DigestInputStream(raw, digest), source, digest);
        } catch (ZipException | EOFException e) {
            throw new FileFormatException(
                    source,
                    "the gzip stream is "
                            + (e instanceof EOFException ? "truncated" : "damaged")
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static IdxFile parse(InputStream in, String src, MessageDigest digest)
            throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new FileFormatException(
                    src,
                    "truncated header: an IDX file starts with 4"
                            + " bytes (0, 0, dtype, rank), found "
                            + magic.length);
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new FileFormatException(
                    src,
                    String.format(
                            "bad magic number 0x%02x%02x%02x%02x:"
                                    + " an IDX file starts with two zero bytes, then a dtype byte and a rank"
                                    + " byte (0x00000803 for images, 0x00000801 for labels)",
                            magic[0], magic[1], magic[2], magic[3]));
        }
        checkDType(src, magic[2] & 0xFF);
        int rank = magic[3] & 0xFF;
        if (rank < 1 || rank > MAX_RANK) {
            throw new FileFormatException(
                    src,
                    "rank "
                            + rank
                            + " in the magic number: expected"
                            + " 1 to "
                            + MAX_RANK
                            + " dimensions");
        }
        Shape shape = dims(in, src, rank);
        byte[] data = in.readNBytes(shape.size());
        if (data.length < shape.size()) {
            throw new FileFormatException(
                    src,
                    "truncated data: the header declares "
                            + shape
                            + " = "
                            + shape.size()
                            + " bytes, found "
                            + data.length);
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new FileFormatException(
                    src,
                    extra
                            + " unexpected bytes after the "
                            + shape.size()
                            + " data bytes that the header "
                            + shape
                            + " declares");
        }
        return new IdxFile(src, shape, data, Sha256.hex(digest));
    }

    private static void checkDType(String src, int dtype) throws FileFormatException {
        if (dtype == UNSIGNED_BYTE) {
            return;
        }
        String name =
                switch (dtype) {
                    case 0x09 -> "signed byte";
                    case 0x0B -> "16-bit integer";
                    case 0x0C -> "32-bit integer";
                    case 0x0D -> "32-bit float";
                    case 0x0E -> "64-bit float";
                    default -> null;
                };
        if (name == null) {
            throw new FileFormatException(
                    src,
                    String.format(
                            "unknown dtype byte 0x%02x: IDX"
                                    + " defines 0x08, 0x09, 0x0b, 0x0c, 0x0d and 0x0e",
                            dtype));
        }
        throw new FileFormatException(
                src,
                String.format(
                        "dtype byte 0x%02x (%s) is not"
                                + " supported: only 0x08 (unsigned byte) is read",
                        dtype, name));
    }

    private static Shape dims(InputStream in, String src, int rank) throws IOException {
        byte[] header = in.readNBytes(4 * rank);
        if (header.length < 4 * rank) {
            throw new FileFormatException(
                    src,
                    "truncated header: "
                            + rank
                            + " dimensions need "
                            + 4 * rank
                            + " bytes, found "
                            + header.length);
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        int[] dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = b.getInt();
            if (dims[i] < 0) {
                throw new FileFormatException(
                        src,
                        "dimension "
                                + i
                                + " is "
                                + dims[i]
                                + " (read as a signed 32-bit integer); sizes must be >= 0");
            }
            size *= dims[i];
            if (size > Integer.MAX_VALUE - 8) {
                throw new FileFormatException(
                        src,
                        "dimensions "
                                + Arrays.toString(dims)
                                + " hold more than 2^31-9 elements, more than one Java array holds");
            }
        }
        return Shape.of(dims);
    }

    private static IdxFile requireRank(IdxFile f, int rank, String what)
            throws FileFormatException {
        if (f.shape().rank() != rank) {
            throw new FileFormatException(
                    f.source(),
                    "expected "
                            + what
                            + " of rank "
                            + rank
                            + ", found rank "
                            + f.shape().rank()
                            + " "
                            + f.shape());
        }
        return f;
    }
}
