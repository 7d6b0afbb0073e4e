package dev.credence.cli.folder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The lock that keeps a second writer out of a run folder: an operating-system lock on the hidden
 * file {@value #FILE}, which the system releases when the holding process ends, however it ends. So
 * a crashed run never leaves a stale lock, and the file itself may stay behind harmlessly; it is
 * never deleted, because deleting a lock file while another process opens it lets two writers in.
 *
 * <p>The file holds one line naming the holder (process id, command, start time) for the message
 * the next claimant sees. The lock covers one byte far past that text, so the text stays readable
 * on systems whose locks are mandatory.
 */
final class RunLock implements AutoCloseable {
    /** The lock file's name inside the folder. */
    static final String FILE = ".credence.lock";

    private static final long REGION = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a folder without waiting.
     *
     * @param dir the folder, which exists
     * @param command the command taking it, for the next claimant's message
     * @return the held lock
     * @throws RunFolderException {@link RunFolderException.Kind#IN_USE} if another process (or
     *     another command in this process) holds it, {@link RunFolderException.Kind#UNUSABLE} if
     *     the lock file cannot be written
     */
    static RunLock acquire(Path dir, String command) {
        Path file = dir.resolve(FILE);
        FileChannel ch;
        try {
            ch =
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RunFolderException(
                    RunFolderException.Kind.UNUSABLE,
                    "cannot write into the output folder " + dir + ": " + Reasons.of(e),
                    e);
        }
        FileLock lock = null;
        try {
            lock = ch.tryLock(REGION, 1, false);
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            close(ch);
            throw new RunFolderException(
                    RunFolderException.Kind.UNUSABLE,
                    "cannot lock the output folder " + dir + ": " + Reasons.of(e),
                    e);
        }
        if (lock == null) {
            String holder = holder(file);
            close(ch);
            throw new RunFolderException(
                    RunFolderException.Kind.IN_USE,
                    "the output folder "
                            + dir
                            + " is in use by another credence run"
                            + (holder.isEmpty() ? "" : " (" + holder + ")")
                            + "; wait for it to end, or choose another --output");
        }
        RunLock held = new RunLock(ch, lock);
        held.describe(command);
        return held;
    }

    private void describe(String command) {
        String text =
                "pid "
                        + ProcessHandle.current().pid()
                        + ", "
                        + command
                        + ", since "
                        + Instant.now()
                        + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException ignored) {
            // The text only improves another claimant's message; the lock is what counts.
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Closing a channel we only opened for the lock; nothing was written through it.
        }
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        close(channel);
    }
}
