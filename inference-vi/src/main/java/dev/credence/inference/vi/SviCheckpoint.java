package dev.credence.inference.vi;

import dev.credence.api.io.Checkpoint;
import dev.credence.api.io.FileFormatException;
import dev.credence.api.io.HostArray;
import dev.credence.api.optim.OptimizerState;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and restores the state of stochastic variational inference with {@link Checkpoint} (atomic,
 * versioned, raw little-endian arrays, so values come back bit for bit).
 *
 * <p>Arrays: {@code param/<name>} (unconstrained values), {@code optim/<k>/<i>} (slot {@code k} of
 * param {@code i}) and {@code elbo} (the ELBO of every step so far). Metadata: {@code format}
 * ({@value #FORMAT}), {@code step}, {@code optimizerStep}, {@code key} (the run's key, which a
 * resumed run must share to reproduce the uninterrupted one) and {@code params} (the names).
 */
final class SviCheckpoint {
    static final String FORMAT = "credence-svi-1";

    private SviCheckpoint() {}

    /**
     * A restored state with the ELBO history up to it.
     *
     * @param state the state
     * @param elbo the ELBO of each step taken
     */
    record Restored(SviState state, double[] elbo) {}

    static void write(Path file, SviState s, double[] elbo, RandomKey runKey) throws IOException {
        Map<String, HostArray> arrays = new LinkedHashMap<>();
        List<String> names = s.space().names();
        for (int i = 0; i < names.size(); i++) {
            arrays.put("param/" + names.get(i), HostArray.of(s.params().get(i)));
        }
        List<List<Tensor>> slots = s.optimizer().slots();
        for (int k = 0; k < slots.size(); k++) {
            for (int i = 0; i < slots.get(k).size(); i++) {
                arrays.put("optim/" + k + "/" + i, HostArray.of(slots.get(k).get(i)));
            }
        }
        arrays.put("elbo", HostArray.ofDoubles(elbo.clone(), elbo.length));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("step", s.step());
        meta.put("optimizerStep", s.optimizer().step());
        meta.put("key", runKey.toString());
        meta.put("params", names);
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        Checkpoint.of(arrays, meta).write(file);
    }

    /**
     * Restores a state shaped like a template (the freshly initialised state of the same run).
     *
     * @param file the checkpoint
     * @param template gives the param space, shapes, dtypes, backend and optimizer slots
     * @param runKey the key of this run, which must be the one that wrote the checkpoint
     * @return the state and ELBO history
     * @throws IOException if the file cannot be read
     * @throws FileFormatException if it is not an SVI checkpoint of this run
     */
    static Restored read(Path file, SviState template, RandomKey runKey) throws IOException {
        Checkpoint c = Checkpoint.read(file);
        Map<String, Object> meta = c.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new FileFormatException(
                    file.toString(),
                    "not an SVI checkpoint (format "
                            + meta.get("format")
                            + ", expected "
                            + FORMAT
                            + ")");
        }
        if (!runKey.toString().equals(meta.get("key"))) {
            throw new IllegalArgumentException(
                    file
                            + " was written by a run with key "
                            + meta.get("key")
                            + ", this run has "
                            + runKey
                            + "; resuming with another key would not continue the same run");
        }
        if (!template.space().names().equals(meta.get("params"))) {
            throw new IllegalArgumentException(
                    file
                            + " holds the params "
                            + meta.get("params")
                            + ", this run has "
                            + template.space().names());
        }
        var backend = template.params().get(0).backend();
        List<Tensor> params = new ArrayList<>();
        List<String> names = template.space().names();
        for (int i = 0; i < names.size(); i++) {
            params.add(restore(c, "param/" + names.get(i), template.params().get(i), backend));
        }
        List<List<Tensor>> slots = new ArrayList<>();
        List<List<Tensor>> like = template.optimizer().slots();
        for (int k = 0; k < like.size(); k++) {
            List<Tensor> slot = new ArrayList<>();
            for (int i = 0; i < like.get(k).size(); i++) {
                slot.add(restore(c, "optim/" + k + "/" + i, like.get(k).get(i), backend));
            }
            slots.add(slot);
        }
        long step = ((Number) meta.get("step")).longValue();
        long optimizerStep = ((Number) meta.get("optimizerStep")).longValue();
        double[] elbo = c.array("elbo").toDoubleArray();
        SviState s =
                new SviState(
                        template.space(), step, params, new OptimizerState(optimizerStep, slots));
        return new Restored(s, elbo);
    }

    private static Tensor restore(
            Checkpoint c, String name, Tensor like, dev.credence.api.backend.Backend b) {
        HostArray a = c.array(name);
        if (a.dtype() != like.dtype() || !a.shape().equals(like.shape())) {
            throw new IllegalArgumentException(
                    "checkpoint array '"
                            + name
                            + "' is "
                            + a.dtype()
                            + a.shape()
                            + ", this run needs "
                            + like.dtype()
                            + like.shape());
        }
        return a.toTensor(b);
    }
}
