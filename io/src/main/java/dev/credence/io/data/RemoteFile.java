package dev.credence.io.data;

import java.util.regex.Pattern;

/**
 * One published file of a named data set and the two checksums that identify it.
 *
 * <p>{@code gzSha256} is the SHA-256 of the {@code .gz} file as the mirrors serve it: a download is
 * kept only if its bytes match. {@code idxSha256} is the SHA-256 of the uncompressed IDX content:
 * every copy is checked against it when it is read, so a local copy that was recompressed (as
 * Debian's package is) or stored uncompressed is accepted, and a damaged or different file is not.
 *
 * @param name the file name without {@code .gz}, for example {@code train-images-idx3-ubyte}
 * @param gzSha256 the SHA-256 of the published gzip file, 64 lowercase hex digits
 * @param idxSha256 the SHA-256 of the uncompressed IDX content, 64 lowercase hex digits
 */
public record RemoteFile(String name, String gzSha256, String idxSha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks the checksums' form.
     *
     * @param name the file name without {@code .gz}, for example {@code train-images-idx3-ubyte}
     * @param gzSha256 the SHA-256 of the published gzip file, 64 lowercase hex digits
     * @param idxSha256 the SHA-256 of the uncompressed IDX content, 64 lowercase hex digits
     * @throws IllegalArgumentException if a checksum is not 64 lowercase hex digits
     */
    public RemoteFile {
        if (!HEX64.matcher(gzSha256).matches() || !HEX64.matcher(idxSha256).matches()) {
            throw new IllegalArgumentException(
                    "remote file "
                            + name
                            + ": checksums must be 64 lowercase hex digits, found "
                            + gzSha256
                            + " and "
                            + idxSha256);
        }
    }

    /**
     * Returns the name of the compressed file.
     *
     * @return {@code name + ".gz"}
     */
    public String gzName() {
        return name + ".gz";
    }
}
