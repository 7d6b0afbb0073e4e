package dev.credence.models.vae;

import dev.credence.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder (ISO/IEC 15948, the PNG specification): 8-bit grayscale or RGB, no
 * interlacing, every scanline with filter type 0, one zlib-compressed {@code IDAT} chunk. Enough
 * for figures, and it keeps this module free of {@code java.desktop}.
 *
 * <p>A file is the 8-byte signature, then chunks, each {@code length, type, data, CRC-32(type +
 * data)}: {@code IHDR} (width, height, bit depth 8, colour type 0 or 2, compression 0, filter 0,
 * interlace 0), {@code IDAT} (the deflated scanlines, each prefixed by its filter byte) and {@code
 * IEND}.
 */
final class Png {
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private Png() {}

    /**
     * Writes a grayscale image atomically.
     *
     * @param file the file to create or replace
     * @param width the width
     * @param height the height
     * @param gray row-major levels, {@code width * height} bytes (0 black, 255 white)
     * @throws IOException if writing fails
     */
    static void writeGray(Path file, int width, int height, byte[] gray) throws IOException {
        write(file, width, height, gray, 1);
    }

    /**
     * Writes an RGB image atomically.
     *
     * @param file the file to create or replace
     * @param width the width
     * @param height the height
     * @param rgb row-major pixels, 3 bytes each
     * @throws IOException if writing fails
     */
    static void writeRgb(Path file, int width, int height, byte[] rgb) throws IOException {
        write(file, width, height, rgb, 3);
    }

    private static void write(Path file, int width, int height, byte[] pixels, int channels)
            throws IOException {
        if (width < 1 || height < 1 || pixels.length != width * height * channels) {
            throw new IllegalArgumentException(
                    "PNG: "
                            + width
                            + " x "
                            + height
                            + " x "
                            + channels
                            + " needs "
                            + (long) width * height * channels
                            + " bytes, found "
                            + pixels.length);
        }
        byte[] bytes = encode(width, height, pixels, channels);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static byte[] encode(int width, int height, byte[] pixels, int channels) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, width);
        writeInt(header, height);
        header.write(8);
        header.write(channels == 1 ? 0 : 2);
        header.write(new byte[] {0, 0, 0});
        chunk(file, "IHDR", header.toByteArray());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(data)) {
            int row = width * channels;
            for (int y = 0; y < height; y++) {
                z.write(0);
                z.write(pixels, y * row, row);
            }
        }
        chunk(file, "IDAT", data.toByteArray());
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
