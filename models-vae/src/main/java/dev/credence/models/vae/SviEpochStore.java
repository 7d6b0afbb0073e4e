package dev.credence.models.vae;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.StateStore;
import dev.credence.io.CheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SVI's state store for a VAE run: one folder per finished epoch, so that the SVI state a run
 * resumes from always belongs to the epoch of the {@link VaeCheckpoint} beside it.
 *
 * <p>The run's SVI fit saves its state at the end of every epoch, and the trainer then writes that
 * epoch's metrics and VAE checkpoint; a run killed between the two would otherwise resume from an
 * SVI state one epoch ahead of its VAE checkpoint, and record that epoch's training loss as
 * missing. So the state after epoch {@code e + 1} is saved in {@code svi/epoch-<e+1>/} while {@code
 * svi/epoch-<e>/} stays, and only when the trainer says that epoch {@code e + 1} is {@link
 * #finished} do the other folders go. A load reads the folder of the last finished epoch (or, for a
 * run written before per-epoch folders, the file directly in the root). What is in the state stays
 * SVI's own business: this store only chooses the file.
 */
final class SviEpochStore implements StateStore {
    private final Path root;
    private int finished;

    /**
     * A store whose last finished epoch is {@code finished}.
     *
     * @param root the folder of the epochs' folders
     * @param finished the epochs whose VAE checkpoint is written (0 for a new run)
     */
    SviEpochStore(Path root, int finished) {
        this.root = root;
        this.finished = finished;
    }

    /** The file of the SVI state after {@code epochs} epochs. */
    Path after(int epochs) {
        return root.resolve("epoch-" + epochs).resolve(VaeTrainer.SVI_FILE);
    }

    @Override
    public void save(Saved state) throws IOException {
        CheckpointStore.at(after(finished + 1)).save(state);
    }

    /**
     * Loads the state after the last finished epoch; nothing for a new run, whatever an earlier run
     * left in the folder.
     */
    @Override
    public Optional<Saved> load(Backend backend) throws IOException {
        if (finished == 0) {
            return Optional.empty();
        }
        Path file = after(finished);
        Path legacy = root.resolve(VaeTrainer.SVI_FILE);
        if (!Files.exists(file) && Files.exists(legacy)) {
            file = legacy;
        }
        return CheckpointStore.at(file).load(backend);
    }

    /**
     * Records that the VAE checkpoint of {@code epochs} epochs is written: later saves go to the
     * next epoch's folder, and every folder but this epoch's is deleted.
     *
     * @param epochs the epochs of the VAE checkpoint just written
     * @throws IOException if deleting fails
     */
    void finished(int epochs) throws IOException {
        finished = epochs;
        Path keep = after(epochs).getParent();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                if (!p.equals(keep)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(p)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path q : all) {
            Files.deleteIfExists(q);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
