package dev.credence.io;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.StateStore;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StateStore} in one {@link Checkpoint} file: every save replaces the file atomically, so
 * a run killed at any moment leaves the previous state or the new one, with the checksums that
 * refuse a damaged file.
 *
 * <pre>{@code
 * StateStore store = CheckpointStore.at(runDir.resolve("svi.ckpt"));
 * Inferences.discover().create("svi", InferenceConfig.of(key)
 *         .with("state-store", store).with("checkpoint-every", 100).with("resume", true));
 * }</pre>
 */
public final class CheckpointStore implements StateStore {
    private final Path file;

    private CheckpointStore(Path file) {
        this.file = file;
    }

    /**
     * A store in a file (created, with its folder, at the first save).
     *
     * @param file the checkpoint file
     * @return the store
     */
    public static CheckpointStore at(Path file) {
        return new CheckpointStore(file.toAbsolutePath());
    }

    /**
     * Returns the file.
     *
     * @return the checkpoint file
     */
    public Path file() {
        return file;
    }

    @Override
    public void save(Saved state) throws IOException {
        Files.createDirectories(file.getParent());
        Checkpoint.ofTensors(new LinkedHashMap<>(state.arrays()), state.metadata()).write(file);
    }

    @Override
    public Optional<Saved> load(Backend backend) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Checkpoint c = Checkpoint.read(file);
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, HostArray> e : c.arrays().entrySet()) {
            arrays.put(e.getKey(), e.getValue().toTensor(backend));
        }
        return Optional.of(new Saved(arrays, c.metadata()));
    }

    @Override
    public String toString() {
        return "checkpoint " + file;
    }
}
