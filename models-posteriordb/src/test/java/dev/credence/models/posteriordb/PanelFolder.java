package dev.credence.models.posteriordb;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/posteriordb}, the panel every developer and CI run has beside the code. */
final class PanelFolder {
    private PanelFolder() {}

    /** Returns {@code shared/posteriordb}, looking upwards from the working folder. */
    static Path find() {
        Path p = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && p != null; up++, p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("posteriordb");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "shared/posteriordb not found beside the repository (looked upwards from "
                        + Path.of("").toAbsolutePath()
                        + ")");
    }
}
