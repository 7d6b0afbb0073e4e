package dev.credence.io;

import dev.credence.api.backend.DType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The byte layout of {@link Checkpoint} files: encoding, and decoding with validation.
 *
 * <p>Version 2 (written now) starts with a 20-byte preamble: the magic, the format version, the
 * header length and the CRC-32C of the header bytes. Version 1 had a 12-byte preamble (magic and
 * header length) and no header checksum; it still reads. The two are told apart by bytes 8-11: a
 * value below {@value #MIN_V1_HEADER} is a format version, since every version-1 header is longer
 * than that.
 */
final class CheckpointFormat {
    static final byte[] MAGIC = "CREDCKPT".getBytes(StandardCharsets.US_ASCII);
    static final String FORMAT = "credence-checkpoint";
    static final int ALIGN = 64;
    static final int PREAMBLE_V1 = 12;
    static final int PREAMBLE = 20;
    static final int MIN_V1_HEADER = 64;

    private CheckpointFormat() {}

    /** A checkpoint ready to write: the header bytes and each array's little-endian bytes. */
    record Encoded(byte[] header, List<ByteBuffer> data, long dataStart) {
        void writeTo(OutputStream out) throws IOException {
            ByteBuffer pre = ByteBuffer.allocate(PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
            pre.put(MAGIC)
                    .putInt(Checkpoint.FORMAT_VERSION)
                    .putInt(header.length)
                    .putInt((int) crc(header));
            out.write(pre.array());
            out.write(header);
            out.write(new byte[(int) (dataStart - PREAMBLE - header.length)]);
            for (ByteBuffer b : data) {
                out.write(b.array());
                out.write(new byte[(int) (align(b.capacity()) - b.capacity())]);
            }
        }
    }

    /** What a file held. */
    record Decoded(Map<String, HostArray> arrays, Map<String, Object> metadata) {}

    /** Where the header lies and which layout version the preamble declares. */
    private record Preamble(int version, long headerStart, long headerLength, long headerCrc) {}

    static Encoded encode(Map<String, HostArray> arrays, Map<String, Object> metadata) {
        List<ByteBuffer> data = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, HostArray> e : arrays.entrySet()) {
            HostArray a = e.getValue();
            if (a.byteSize() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "checkpoint: array '"
                                + e.getKey()
                                + "' has "
                                + a.byteSize()
                                + " bytes; at most 2^31-1 bytes per array are supported");
            }
            ByteBuffer b = ByteBuffer.allocate((int) a.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
            a.write(b);
            data.add(b);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", e.getKey());
            entry.put("dtype", a.dtype().name());
            entry.put("shape", a.shape().dims());
            entry.put("offset", offset);
            entry.put("length", a.byteSize());
            entry.put("crc32c", crc(b.array()));
            entries.add(entry);
            offset += align(a.byteSize());
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", Checkpoint.FORMAT_VERSION);
        header.put("byteOrder", "little-endian");
        header.put("dataBytes", offset);
        header.put("arrays", entries);
        header.put("metadata", metadata);
        byte[] h = Json.write(header).getBytes(StandardCharsets.UTF_8);
        return new Encoded(h, data, align(PREAMBLE + h.length));
    }

    static Decoded decode(Path file) throws IOException {
        String src = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            Preamble p = preamble(ch, size, src);
            if (p.headerLength() > size - p.headerStart() || p.headerLength() > Integer.MAX_VALUE) {
                throw new FileFormatException(
                        src,
                        "truncated: the header declares "
                                + p.headerLength()
                                + " bytes, but only "
                                + (size - p.headerStart())
                                + " follow");
            }
            ByteBuffer raw = readFully(ch, p.headerStart(), (int) p.headerLength());
            if (p.version() >= 2) {
                long crc = crc(raw.array());
                if (crc != p.headerCrc()) {
                    throw new FileFormatException(
                            src,
                            "the header is damaged or was edited: the CRC-32C of its bytes is "
                                    + crc
                                    + ", the preamble records "
                                    + p.headerCrc()
                                    + "; settings such as the metadata cannot be trusted, so the"
                                    + " file is refused");
                }
            }
            String text = StandardCharsets.UTF_8.decode(raw).toString();
            long headerLength = p.headerLength();
            CheckpointHeader h = CheckpointHeader.parse(src, text, p.version());
            long dataStart = align(p.headerStart() + headerLength);
            long expected = dataStart + h.dataBytes();
            if (size != expected) {
                throw new FileFormatException(
                        src,
                        (size < expected ? "truncated" : "too long")
                                + ": the header declares "
                                + h.dataBytes()
                                + " data bytes from offset "
                                + dataStart
                                + ", "
                                + expected
                                + " bytes in all, but the file has "
                                + size);
            }
            Map<String, HostArray> arrays = new LinkedHashMap<>();
            for (CheckpointHeader.Entry e : h.entries()) {
                ByteBuffer b = readFully(ch, dataStart + e.offset(), (int) e.length());
                long crc = crc(b.array());
                if (crc != e.crc32c()) {
                    throw new FileFormatException(
                            src,
                            "array '"
                                    + e.name()
                                    + "' is damaged: the"
                                    + " CRC-32C of its bytes is "
                                    + crc
                                    + ", the header records "
                                    + e.crc32c());
                }
                arrays.put(
                        e.name(),
                        HostArray.read(b.order(ByteOrder.LITTLE_ENDIAN), e.dtype(), e.shape()));
            }
            return new Decoded(arrays, h.metadata());
        }
    }

    private static Preamble preamble(FileChannel ch, long size, String src) throws IOException {
        if (size < PREAMBLE_V1) {
            throw new FileFormatException(
                    src,
                    "truncated: a checkpoint starts with at least "
                            + PREAMBLE_V1
                            + " bytes (magic, version or header length), found "
                            + size);
        }
        ByteBuffer pre = readFully(ch, 0, PREAMBLE_V1).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        pre.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new FileFormatException(
                    src,
                    "not a Credence checkpoint: expected the magic"
                            + " bytes \"CREDCKPT\", found "
                            + printable(magic));
        }
        long word = pre.getInt() & 0xFFFFFFFFL;
        if (word >= MIN_V1_HEADER) {
            return new Preamble(1, PREAMBLE_V1, word, -1);
        }
        if (word > Checkpoint.FORMAT_VERSION) {
            throw new FileFormatException(
                    src,
                    "format version "
                            + word
                            + " is newer than this reader, which reads versions 1 to "
                            + Checkpoint.FORMAT_VERSION
                            + "; use a newer Credence");
        }
        if (word < 2) {
            throw new FileFormatException(
                    src,
                    "bytes 8-11 hold " + word + ", neither a format version nor a header length");
        }
        if (size < PREAMBLE) {
            throw new FileFormatException(
                    src,
                    "truncated: a version-"
                            + word
                            + " checkpoint starts with "
                            + PREAMBLE
                            + " bytes, found "
                            + size);
        }
        ByteBuffer rest =
                readFully(ch, PREAMBLE_V1, PREAMBLE - PREAMBLE_V1).order(ByteOrder.LITTLE_ENDIAN);
        long length = rest.getInt() & 0xFFFFFFFFL;
        long crc = rest.getInt() & 0xFFFFFFFFL;
        return new Preamble((int) word, PREAMBLE, length, crc);
    }

    static long align(long n) {
        return (n + ALIGN - 1) / ALIGN * ALIGN;
    }

    static long crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return c.getValue();
    }

    private static ByteBuffer readFully(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (at + b.position()));
            }
        }
        return b.flip();
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }

    static DType dtypeOf(String name) {
        for (DType d : List.of(DType.FLOAT32, DType.FLOAT64, DType.INT32)) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
