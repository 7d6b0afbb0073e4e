package dev.credence.io.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/data}, the real data every developer and CI run has beside the repository.
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
                        + " not found beside the"
                        + " repository (looked upwards from "
                        + Path.of("").toAbsolutePath()
                        + ")");
    }
}
