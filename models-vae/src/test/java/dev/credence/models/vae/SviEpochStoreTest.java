package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.StateStore.Saved;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.CheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SVI state of a VAE run, one folder per epoch: what a run killed at any moment resumes. */
class SviEpochStoreTest {
    static final Backend B = Backends.discover().select("jvm");

    @TempDir Path root;

    static Saved state(double step) {
        return new Saved(Map.of("x", Tensor.of(B, new double[] {step}, 1)), Map.of("step", step));
    }

    static double step(SviEpochStore s) throws IOException {
        return ((Number) s.load(B).orElseThrow().metadata().get("step")).doubleValue();
    }

    List<String> folders() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName(
            "a save goes to the next epoch's folder; the last finished epoch's stays until the next"
                    + " is finished, and is what a restarted run loads")
    void savesBesideTheFinishedEpoch() throws IOException {
        SviEpochStore store = new SviEpochStore(root, 0);
        store.save(state(1));
        store.finished(1);
        store.save(state(2));
        assertEquals(List.of("epoch-1", "epoch-2"), folders());
        assertEquals(1, step(new SviEpochStore(root, 1)), "killed before epoch 2 was finished");
        store.finished(2);
        assertEquals(List.of("epoch-2"), folders());
        assertEquals(2, step(store));
    }

    @Test
    @DisplayName("a new run loads nothing, whatever an earlier run left")
    void newRunStartsFresh() throws IOException {
        SviEpochStore earlier = new SviEpochStore(root, 0);
        earlier.save(state(1));
        assertTrue(new SviEpochStore(root, 0).load(B).isEmpty());
    }

    @Test
    @DisplayName("a run written before per-epoch folders loads from the file in the root")
    void legacyLayout() throws IOException {
        CheckpointStore.at(root.resolve(VaeTrainer.SVI_FILE)).save(state(3));
        SviEpochStore store = new SviEpochStore(root, 3);
        assertEquals(3, step(store));
        store.save(state(4));
        store.finished(4);
        assertEquals(List.of("epoch-4"), folders());
    }
}
