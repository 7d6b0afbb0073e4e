package dev.credence.cli;

import dev.credence.api.data.Dataset;
import dev.credence.api.data.Datasets;
import dev.credence.api.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads a named image set ({@code fashion-mnist}, {@code mnist}) for the VAE commands: from a
 * folder, the cache, Debian's package, or a verified download; optionally the first rows only.
 */
final class ImageSets {
    private ImageSets() {}

    static Dataset load(String name, Split split, Path folder, int limit) {
        try {
            Datasets sets = Datasets.builder().build();
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
