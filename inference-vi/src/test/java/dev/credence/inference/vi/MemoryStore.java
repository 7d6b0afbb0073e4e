package dev.credence.inference.vi;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.infer.StateStore;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StateStore} in memory for tests: arrays kept as host values with their dtype and shape,
 * so a load gives fresh tensors with the same bits. {@link #failing()} refuses every save.
 */
final class MemoryStore implements StateStore {
    private record Host(double[] values, DType dtype, Shape shape) {}

    private Map<String, Host> arrays;
    private Map<String, Object> metadata;
    private final boolean fail;
    int saves;

    MemoryStore() {
        this(false);
    }

    private MemoryStore(boolean fail) {
        this.fail = fail;
    }

    static MemoryStore failing() {
        return new MemoryStore(true);
    }

    @Override
    public void save(Saved state) throws IOException {
        if (fail) {
            throw new IOException("memory store: saving is switched off");
        }
        Map<String, Host> copy = new LinkedHashMap<>();
        state.arrays()
                .forEach((k, t) -> copy.put(k, new Host(t.toDoubleArray(), t.dtype(), t.shape())));
        arrays = copy;
        metadata = state.metadata();
        saves++;
    }

    @Override
    public Optional<Saved> load(Backend backend) {
        if (arrays == null) {
            return Optional.empty();
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        arrays.forEach((k, h) -> out.put(k, Tensor.of(backend, h.values(), h.dtype(), h.shape())));
        return Optional.of(new Saved(out, metadata));
    }

    @Override
    public String toString() {
        return "memory store";
    }
}
