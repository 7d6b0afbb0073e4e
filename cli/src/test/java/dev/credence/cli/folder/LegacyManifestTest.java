package dev.credence.cli.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Run-folder manifests written by version 0.1 of the command line (see {@code legacy/README.md})
 * still read, with their command, state, identity and files.
 */
class LegacyManifestTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "the manifest of a version-0.1 ''{1}'' run reads")
    @CsvSource({"sample,sample,seed,1,6", "vae,vae train,train-size,128,12"})
    void reads(String folder, String command, String key, long value, int files)
            throws IOException {
        try (InputStream in =
                getClass().getResourceAsStream("/legacy/" + folder + "/" + FolderManifest.FILE)) {
            Files.copy(in, dir.resolve(FolderManifest.FILE));
        }
        FolderManifest m = FolderManifest.read(dir).orElseThrow();
        assertEquals(command, m.command());
        assertEquals(FolderManifest.FINISHED, m.state());
        assertEquals(value, ((Number) m.identity().get(key)).longValue());
        assertEquals(files, m.files().size());
        assertEquals(List.of(), m.kept());
        assertEquals(1, m.history().size());
    }
}
