package dev.credence.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 fingerprints of files and arrays, written as 64 lowercase hex digits: the data hash of a
 * {@link RunRecord} and the checksums of downloaded data sets.
 *
 * <p>The hash of one file is the plain SHA-256 of its bytes, the value {@code sha256sum} prints.
 * The hash of several files is the SHA-256 of their hashes, each followed by a newline, so that
 * {@code sha256sum a b | cut -d' ' -f1 | sha256sum} gives the same value from a shell.
 */
public final class Sha256 {

    private Sha256() {}

    /**
     * Returns a new SHA-256 digest.
     *
     * @return the digest
     */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * Finishes a digest and writes it as hex.
     *
     * @param d the digest
     * @return 64 lowercase hex digits
     */
    public static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * Hashes a byte array.
     *
     * @param bytes the bytes
     * @return 64 lowercase hex digits
     */
    public static String of(byte[] bytes) {
        MessageDigest d = digest();
        d.update(bytes);
        return hex(d);
    }

    /**
     * Hashes a file's bytes.
     *
     * @param file the file
     * @return 64 lowercase hex digits
     * @throws IOException if the file cannot be read
     */
    public static String ofFile(Path file) throws IOException {
        MessageDigest d = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return hex(d);
    }

    /**
     * Hashes files in order: one file gives its own hash, several the hash of their hashes.
     *
     * @param files the files, at least one
     * @return 64 lowercase hex digits
     * @throws IOException if a file cannot be read
     */
    public static String ofFiles(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Sha256.ofFiles: give at least one file");
        }
        if (files.size() == 1) {
            return ofFile(files.get(0));
        }
        StringBuilder lines = new StringBuilder();
        for (Path f : files) {
            lines.append(ofFile(f)).append('\n');
        }
        return of(lines.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Hashes arrays in order. Each contributes its dtype name and shape as the text {@code
     * "FLOAT32[2, 3]\n"} followed by its elements in little-endian byte order, so the hash changes
     * with any element, the shape or the dtype, but not with the machine.
     *
     * @param arrays the arrays
     * @return 64 lowercase hex digits
     */
    public static String ofArrays(List<HostArray> arrays) {
        MessageDigest d = digest();
        for (HostArray a : arrays) {
            d.update((a.dtype() + a.shape().toString() + "\n").getBytes(StandardCharsets.US_ASCII));
            ByteBuffer b = ByteBuffer.allocate((int) a.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
            a.write(b);
            d.update(b.flip());
        }
        return hex(d);
    }
}
