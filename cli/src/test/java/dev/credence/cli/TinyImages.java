package dev.credence.cli;

import dev.credence.io.Sha256;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.NamedDataset;
import dev.credence.io.data.RemoteFile;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Named image sets small enough for tests: {@code tiny} (8 x 8 images, 64 for training and 16 for
 * testing, in a folder the registry looks in) and {@code tiny-offline} (the same files, found
 * nowhere, with one mirror that refuses connections), bound in place of the real registry.
 */
final class TinyImages {
    static final int SIDE = 8;
    static final int TRAIN = 64;
    static final int TEST = 16;
    private static final String ANY_SHA = "0".repeat(64);

    private TinyImages() {}

    /**
     * Writes the IDX files into {@code folder} and returns a registry with the two sets; downloads
     * go to {@code cache}.
     */
    static Datasets registry(Path folder, Path cache) throws IOException {
        Files.createDirectories(folder);
        NamedDataset.Part train = part(folder, "train", TRAIN, 11);
        NamedDataset.Part test = part(folder, "t10k", TEST, 23);
        NamedDataset tiny =
                new NamedDataset("tiny", List.of(), List.of(folder), SIDE, SIDE, train, test);
        NamedDataset offline =
                new NamedDataset(
                                "tiny-offline",
                                List.of(URI.create("http://127.0.0.1:9/")),
                                List.of(),
                                SIDE,
                                SIDE,
                                train,
                                test)
                        .withSystemFolders(List.of());
        return Datasets.builder().add(tiny).add(offline).cacheDir(cache).download(true).build();
    }

    private static NamedDataset.Part part(Path folder, String prefix, int n, int salt)
            throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + n * SIDE * SIDE);
        img.putInt(0x0803).putInt(n).putInt(SIDE).putInt(SIDE);
        ByteBuffer lab = ByteBuffer.allocate(8 + n);
        lab.putInt(0x0801).putInt(n);
        for (int i = 0; i < n; i++) {
            int kind = (i * salt) % 4;
            lab.put((byte) kind);
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    boolean on =
                            switch (kind) {
                                case 0 -> r == c;
                                case 1 -> r + c == SIDE - 1;
                                case 2 -> r == SIDE / 2;
                                default -> c == (i % SIDE);
                            };
                    img.put((byte) (on ? 230 : (r * 7 + c * 3 + i) % 40));
                }
            }
        }
        String images = prefix + "-images-idx3-ubyte";
        String labels = prefix + "-labels-idx1-ubyte";
        Files.write(folder.resolve(images), img.array());
        Files.write(folder.resolve(labels), lab.array());
        return new NamedDataset.Part(
                new RemoteFile(images, ANY_SHA, Sha256.of(img.array())),
                new RemoteFile(labels, ANY_SHA, Sha256.of(lab.array())),
                n);
    }
}
