package dev.credence.models.vae;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One SVI checkpoint folder per finished epoch, so that the SVI state a run resumes from always
 * belongs to the epoch of the VAE checkpoint beside it.
 *
 * <p>SVI writes its checkpoint at the end of an epoch's fit, and the trainer writes the metrics and
 * {@link VaeCheckpoint} after it; a run killed between the two would otherwise resume from an SVI
 * state one epoch ahead of its VAE checkpoint, and record that epoch's training loss as missing. So
 * the fit of epoch {@code e + 1} runs in {@code svi/epoch-<e+1>}, started from a copy of {@code
 * svi/epoch-<e>}; the older folder is deleted only after the VAE checkpoint of epoch {@code e + 1}
 * is written. The checkpoint's content stays SVI's own business: folders are copied whole.
 */
final class SviSnapshots {
    private final Path root;

    SviSnapshots(Path root) {
        this.root = root;
    }

    /** The folder of the SVI state after {@code epochs} epochs. */
    Path after(int epochs) {
        return root.resolve("epoch-" + epochs);
    }

    /**
     * Prepares the folder of epoch {@code e + 1}'s fit: a fresh copy of the state after {@code e}
     * epochs (or, for a run written before per-epoch folders, of the files directly in the root).
     *
     * @param e the epochs done
     * @return whether there is a state to resume from
     * @throws IOException if copying fails
     */
    boolean prepare(int e) throws IOException {
        Path work = after(e + 1);
        deleteTree(work);
        Path from = after(e);
        if (!Files.isDirectory(from) && e > 0 && hasFiles(root)) {
            from = root;
        }
        Files.createDirectories(work);
        if (e == 0 || !Files.isDirectory(from)) {
            return false;
        }
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, work.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return true;
    }

    /**
     * Deletes every state but the one after {@code epochs} epochs.
     *
     * @param epochs the epochs of the VAE checkpoint just written
     * @throws IOException if deleting fails
     */
    void keepOnly(int epochs) throws IOException {
        Path keep = after(epochs);
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                if (!p.equals(keep)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(p)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path q : all) {
            Files.deleteIfExists(q);
        }
    }
}
