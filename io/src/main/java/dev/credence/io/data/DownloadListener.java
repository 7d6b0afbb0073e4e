package dev.credence.io.data;

import java.net.URI;

/**
 * Hears how a download of a data set file goes, to show progress. Calls come from the thread that
 * downloads, in the order {@code started}, {@code progressed} (any number of times), {@code
 * finished}; {@code finished} comes also when the download failed.
 *
 * <p>The command line draws a progress bar from these calls; {@link #NONE} is silent, for tests and
 * batch jobs.
 */
public interface DownloadListener {

    /** A listener that does nothing. */
    DownloadListener NONE = new DownloadListener() {};

    /**
     * A download starts.
     *
     * @param file the file name
     * @param from the URL
     * @param totalBytes the size the server announced, or -1 if it did not
     */
    default void started(String file, URI from, long totalBytes) {}

    /**
     * More bytes arrived.
     *
     * @param file the file name
     * @param bytes the bytes received so far
     * @param totalBytes the announced size, or -1
     */
    default void progressed(String file, long bytes, long totalBytes) {}

    /**
     * The download ended.
     *
     * @param file the file name
     * @param ok true if the file was received and verified
     */
    default void finished(String file, boolean ok) {}
}
