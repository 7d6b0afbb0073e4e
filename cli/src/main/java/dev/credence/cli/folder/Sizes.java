package dev.credence.cli.folder;

import java.util.Locale;

/** Byte counts in the units people read: {@code 512 B}, {@code 3.2 MiB}, {@code 57.1 GiB}. */
public final class Sizes {
    private Sizes() {}

    /**
     * Formats a byte count with a binary unit.
     *
     * @param bytes the count, at least 0
     * @return the text
     */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
