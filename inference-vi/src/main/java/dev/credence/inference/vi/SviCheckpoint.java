package dev.credence.inference.vi;

import dev.credence.api.infer.StateStore;
import dev.credence.api.optim.OptimizerState;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and restores the state of stochastic variational inference through a {@link StateStore}
 * (the io module's checkpoint file keeps arrays bit for bit).
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

    static void write(StateStore store, SviState s, double[] elbo, RandomKey runKey)
            throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        List<String> names = s.space().names();
        for (int i = 0; i < names.size(); i++) {
            arrays.put("param/" + names.get(i), s.params().get(i));
        }
        List<List<Tensor>> slots = s.optimizer().slots();
        for (int k = 0; k < slots.size(); k++) {
            for (int i = 0; i < slots.get(k).size(); i++) {
                arrays.put("optim/" + k + "/" + i, slots.get(k).get(i));
            }
        }
        var b = s.params().get(0).backend();
        arrays.put("elbo", Tensor.of(b, elbo.clone(), elbo.length));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("step", s.step());
        meta.put("optimizerStep", s.optimizer().step());
        meta.put("key", runKey.toString());
        meta.put("params", names);
        store.save(new StateStore.Saved(arrays, meta));
    }

    /**
     * Restores a state shaped like a template (the freshly initialised state of the same run).
     *
     * @param store the store
     * @param template gives the param space, shapes, dtypes, backend and optimizer slots
     * @param runKey the key of this run, which must be the one that wrote the checkpoint
     * @return the state and ELBO history, or empty if the store holds none
     * @throws IOException if the store cannot be read
     * @throws IllegalArgumentException if it holds no SVI state of this run
     */
    static java.util.Optional<Restored> read(StateStore store, SviState template, RandomKey runKey)
            throws IOException {
        var backend = template.params().get(0).backend();
        var saved = store.load(backend);
        if (saved.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Tensor> c = saved.get().arrays();
        Map<String, Object> meta = saved.get().metadata();
        Object file = store;
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException(
                    file
                            + ": not an SVI checkpoint (format "
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
        List<Tensor> params = new ArrayList<>();
        List<String> names = template.space().names();
        for (int i = 0; i < names.size(); i++) {
            params.add(restore(c, "param/" + names.get(i), template.params().get(i)));
        }
        List<List<Tensor>> slots = new ArrayList<>();
        List<List<Tensor>> like = template.optimizer().slots();
        for (int k = 0; k < like.size(); k++) {
            List<Tensor> slot = new ArrayList<>();
            for (int i = 0; i < like.get(k).size(); i++) {
                slot.add(restore(c, "optim/" + k + "/" + i, like.get(k).get(i)));
            }
            slots.add(slot);
        }
        long step = ((Number) meta.get("step")).longValue();
        long optimizerStep = ((Number) meta.get("optimizerStep")).longValue();
        double[] elbo = restore(c, "elbo", null).toDoubleArray();
        SviState s =
                new SviState(
                        template.space(), step, params, new OptimizerState(optimizerStep, slots));
        return java.util.Optional.of(new Restored(s, elbo));
    }

    private static Tensor restore(Map<String, Tensor> c, String name, Tensor like) {
        Tensor a = c.get(name);
        if (a == null) {
            throw new IllegalArgumentException(
                    "the saved SVI state lacks the array '" + name + "'");
        }
        if (like != null && (a.dtype() != like.dtype() || !a.shape().equals(like.shape()))) {
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
        return a;
    }
}
