package dev.credence.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * partial file.
 *
 * <p>The content goes to a temporary file in the target's folder (so that both are on the same file
 * system), is forced to the device, and is then renamed over the target with {@link
 * StandardCopyOption#ATOMIC_MOVE}. If writing fails at any point the temporary file is deleted and
 * the target is left as it was. A crash can leave a hidden {@code .NAME.*.tmp} file behind, but
 * never a damaged target.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> out.write(bytes));
 * AtomicFiles.writeString(path.resolveSibling("run.json"), json);
 * }</pre>
 */
public final class AtomicFiles {

    /** The body of a write: puts the complete content into a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content. Throwing abandons the write and leaves the target unchanged.
         *
         * @param out the stream to the temporary file; closed by the caller
         * @throws IOException if the content cannot be produced or written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes a file atomically, creating its folder if needed.
     *
     * @param target the file to create or replace
     * @param content what to write
     * @throws IOException if writing or the rename fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch))) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param target the file to create or replace
     * @param text the content
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
