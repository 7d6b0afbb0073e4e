package dev.credence.models.vae;

import dev.credence.io.data.Dataset;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/data}, the real data every developer and CI run has beside the repository,
 * and loads slices of the MNIST test set from it.
 */
final class SharedData {
    private SharedData() {}

    /** Returns {@code shared/data/NAME}, looking upwards from the working folder. */
    static Path dir(String name) {
        Path p = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && p != null; up++, p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "shared/data/"
                        + name
                        + " not found beside the repository (looked upwards from "
                        + Path.of("").toAbsolutePath()
                        + ")");
    }

    /** The 10,000 MNIST test digits, loaded once. */
    private static Dataset mnist;

    /** Returns rows {@code [from, to)} of the MNIST test set. */
    static synchronized Dataset mnist(int from, int to) {
        if (mnist == null) {
            try {
                mnist =
                        Datasets.builder()
                                .download(false)
                                .build()
                                .load("mnist", Split.TEST, dir("mnist-t10k"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return mnist.subset(rows);
    }
}
