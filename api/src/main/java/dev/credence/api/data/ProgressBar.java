package dev.credence.api.data;

import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;

/**
 * Draws download progress as a one-line bar on a terminal stream, redrawn in place with a carriage
 * return, at most once per percent:
 *
 * <pre>
 * train-images-idx3-ubyte.gz [##########..........]  50%  13.2 / 26.4 MB
 * </pre>
 */
public final class ProgressBar implements DownloadListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private int lastPercent = -1;

    /**
     * Creates a bar that draws on a stream, usually {@code System.err}.
     *
     * @param out the stream
     */
    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(String file, URI from, long totalBytes) {
        lastPercent = -1;
        out.println("downloading " + file + " from " + from);
    }

    @Override
    public void progressed(String file, long bytes, long totalBytes) {
        if (totalBytes <= 0) {
            return;
        }
        int percent = (int) (100 * bytes / totalBytes);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf(
                Locale.ROOT,
                "\r%s [%s%s] %3d%%  %.1f / %.1f MB",
                file,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                percent,
                bytes / 1e6,
                totalBytes / 1e6);
        out.flush();
    }

    @Override
    public void finished(String file, boolean ok) {
        out.println(ok ? "" : "\r" + file + ": download failed");
    }
}
