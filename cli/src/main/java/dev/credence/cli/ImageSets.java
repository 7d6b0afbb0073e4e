package dev.credence.cli;

import dev.credence.io.data.Dataset;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.Split;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads a named image set ({@code fashion-mnist}, {@code mnist}) for the VAE commands: from a
 * folder, the cache, Debian's package, or a verified download; optionally the first rows only. The
 * registry of named sets is bound in {@link CliModule}, so tests can add small sets of their own.
 */
final class ImageSets {
    private final Datasets sets;

    @Inject
    ImageSets(Datasets sets) {
        this.sets = sets;
    }

    /**
     * The pixels of one image of a named set, known without loading it.
     *
     * @throws IllegalArgumentException naming the known sets if there is none by that name
     */
    int pixels(String name) {
        var set = sets.named(name);
        return set.height() * set.width();
    }

    /**
     * The rows that {@link #load} gives for a split, known without loading it.
     *
     * @throws IllegalArgumentException naming the known sets if there is none by that name
     */
    int rows(String name, Split split, int limit) {
        int n = sets.named(name).part(split).count();
        return limit > 0 ? Math.min(limit, n) : n;
    }

    Dataset load(String name, Split split, Path folder, int limit) {
        try {
            Dataset d = folder != null ? sets.load(name, split, folder) : sets.load(name, split);
            if (limit > 0 && limit < d.size()) {
                int[] rows = new int[limit];
                for (int i = 0; i < limit; i++) {
                    rows[i] = i;
                }
                d = d.subset(rows);
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot load the "
                            + split.name().toLowerCase(java.util.Locale.ROOT)
                            + " split of '"
                            + name
                            + "': "
                            + e.getMessage(),
                    e);
        }
    }
}
