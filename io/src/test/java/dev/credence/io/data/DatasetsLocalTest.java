package dev.credence.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.credence.api.backend.Shape;
import dev.credence.io.FileFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named sets found on disk: a given folder, the cache folder and Debian's package folder. */
class DatasetsLocalTest {
    static final Path MNIST = SharedData.dir("mnist-t10k");
    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir Path cache;
    @TempDir Path folder;

    private Datasets offline() {
        return Datasets.builder()
                .cacheDir(cache)
                .download(false)
                .listener(DownloadListener.NONE)
                .build();
    }

    @Test
    @DisplayName("a given folder comes first, compressed or not; its content is verified")
    void givenFolder() throws IOException {
        assertEquals(10000, offline().load("mnist", Split.TEST, MNIST).size());

        byte[] images = gunzip(MNIST.resolve("t10k-images-idx3-ubyte.gz"));
        byte[] labels = gunzip(MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), images);
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labels);
        Dataset d = offline().load("mnist", Split.TEST, folder);
        assertEquals(Shape.of(10000, 28, 28), d.features().shape());

        labels[8] = (byte) ((labels[8] + 1) % 10); // still a valid IDX file, other data
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labels);
        FileFormatException e =
                assertThrows(
                        FileFormatException.class,
                        () -> offline().load("mnist", Split.TEST, folder));
        assertEquals(folder.resolve("t10k-labels-idx1-ubyte").toString(), e.source());
        assertTrue(e.problem().startsWith("the uncompressed content has SHA-256 "), e.problem());
        assertTrue(
                e.problem()
                        .contains(
                                ", expected "
                                        + NamedDataset.MNIST.test().labels().idxSha256()
                                        + " for mnist"
                                        + " t10k-labels-idx1-ubyte (found shape [10000]); the file is damaged or holds"
                                        + " other data"),
                e.problem());
    }

    @Test
    @DisplayName("the cache folder: builder, then property, then environment, then home")
    void cacheFolder() {
        Map<String, String> props = Map.of("user.home", "/home/u");
        assertEquals(
                Path.of("/home/u/.cache/credence/datasets"),
                Datasets.defaultCacheDir(props::get, k -> null));
        assertEquals(
                Path.of("/env"),
                Datasets.defaultCacheDir(props::get, Map.of(Datasets.ENVIRONMENT, "/env")::get));
        assertEquals(
                Path.of("/prop"),
                Datasets.defaultCacheDir(
                        Map.of("user.home", "/home/u", Datasets.PROPERTY, "/prop")::get,
                        Map.of(Datasets.ENVIRONMENT, "/env")::get));
        assertEquals(cache, offline().cacheDir());
        var e = assertThrows(IllegalArgumentException.class, () -> offline().named("cifar10"));
        assertEquals("no data set named 'cifar10'; known: [fashion-mnist, mnist]", e.getMessage());
    }

    @Test
    @DisplayName("Fashion-MNIST from Debian's dataset-fashion-mnist package verifies and loads")
    void debianFashionMnist() throws IOException {
        assumeTrue(Files.isDirectory(DEBIAN), "install Debian's dataset-fashion-mnist package");
        Datasets sets = offline();
        NamedDataset fm = sets.named("fashion-mnist");
        assertEquals(
                DEBIAN.resolve("t10k-images-idx3-ubyte.gz"),
                sets.locate(fm, fm.test().images(), null));
        Dataset test = sets.load("fashion-mnist", Split.TEST);
        assertEquals(Shape.of(10000, 28, 28), test.features().shape());
        int[] hist = new int[10];
        for (int y : test.targets().orElseThrow().toIntArray()) {
            hist[y]++;
        }
        assertArrayEquals(
                new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, hist);
    }

    static byte[] gunzip(Path gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(gz)))) {
            return in.readAllBytes();
        }
    }
}
