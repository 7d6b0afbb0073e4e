package dev.credence.api.infer;

import dev.credence.api.backend.Backend;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Where a long inference run keeps the state it can resume from: named arrays (parameters,
 * optimiser slots, histories) and a little metadata. An algorithm saves through it now and then and
 * loads from it when asked to resume; where and how the state is stored is the caller's choice (the
 * {@code io} module's checkpoint file is one), so inference plugins need no file format.
 *
 * <pre>{@code
 * StateStore store = CheckpointStore.at(dir.resolve("svi.ckpt"));     // from the io module
 * InferenceConfig c = InferenceConfig.of(key).with("state-store", store).with("resume", true);
 * }</pre>
 *
 * <p>Saving must be atomic: a reader sees the previous state or the new one, never a mix.
 */
public interface StateStore {

    /**
     * A saved state.
     *
     * @param arrays the arrays by name, exactly as saved (dtype, shape and bits)
     * @param metadata small values by name: strings, numbers, booleans and lists of them (numbers
     *     may come back as another boxed type of the same value)
     */
    record Saved(Map<String, Tensor> arrays, Map<String, Object> metadata) {
        /**
         * Copies the maps.
         *
         * @param arrays the arrays
         * @param metadata the metadata
         */
        public Saved {
            arrays = Map.copyOf(arrays);
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * Replaces the stored state, atomically.
     *
     * @param state the state
     * @throws IOException if it cannot be stored
     */
    void save(Saved state) throws IOException;

    /**
     * Returns the stored state, with its arrays on a backend, or empty if nothing was saved.
     *
     * @param backend where the arrays are made
     * @return the state
     * @throws IOException if it is there but cannot be read or is damaged
     */
    Optional<Saved> load(Backend backend) throws IOException;
}
