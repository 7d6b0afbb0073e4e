package dev.credence.inference.vi;

import dev.credence.api.backend.Buffer;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Frees the params and optimizer slots of each state that a step of {@link Svi#run} replaced, as
 * soon as it is replaced, rather than when the garbage collector finds them: on a native backend a
 * state of the reference VAE is about 8 MB outside the Java heap, made anew at every step.
 *
 * <p>Only buffers that this run made are freed: those of its steps, and a state it read from a
 * checkpoint ({@link #resumed}). The initial state from {@link Svi#init} belongs to whoever made it
 * (its params may be the caller's own tensors), and a buffer that the new state still holds (an
 * optimizer slot carried over unchanged, say) stays, and so do params handed to work at a
 * checkpoint ({@link #handOver}). The last state is never freed here: it is the run's result.
 */
final class SupersededStates {
    private Set<Buffer> owned = identitySet();

    /**
     * Records that {@code next} replaced {@code previous}, freeing what only {@code previous} held
     * and a step of this run made.
     *
     * @param previous the state before the step
     * @param next the state after it
     */
    void replace(SviState previous, SviState next) {
        Set<Buffer> kept = buffers(tensors(next));
        Set<Buffer> before = identitySet();
        for (Tensor t : tensors(previous)) {
            Buffer b = t.buffer();
            before.add(b);
            if (owned.contains(b) && !kept.contains(b)) {
                t.release();
            }
        }
        Set<Buffer> now = identitySet();
        for (Buffer b : kept) {
            if (owned.contains(b) || !before.contains(b)) {
                now.add(b);
            }
        }
        owned = now;
    }

    /**
     * Records that a run replaced its fresh state with one it read from a checkpoint: the fresh
     * state's optimizer slots are freed now (its params may be the caller's own tensors, so they
     * stay), and the restored state counts as the run's own, so that the step that replaces it
     * frees it.
     *
     * @param fresh the state from {@link Svi#init}
     * @param restored the state read from the checkpoint
     */
    void resumed(SviState fresh, SviState restored) {
        List<Tensor> keep = new ArrayList<>(fresh.params());
        keep.addAll(tensors(restored));
        releaseSlots(fresh, keep);
        Set<Buffer> now = buffers(tensors(restored));
        now.addAll(owned);
        owned = now;
    }

    /**
     * Records that some tensors of the current state now belong to someone else (the params that
     * work at a checkpoint was given): the step that replaces the state will not free them.
     *
     * @param given the tensors given away
     */
    void handOver(List<Tensor> given) {
        for (Tensor t : given) {
            owned.remove(t.buffer());
        }
    }

    /**
     * Frees the optimizer slots of a state that has no further use (the fresh state a checkpoint
     * replaced; the final state of a run once its posterior is built), except a slot that shares a
     * buffer with a tensor to keep. A freshly initialised optimizer's slots are zeros the size of
     * the params, and its final slots as large again: without this, a run that resumes (as {@code
     * credence vae train --resume} does) holds both until the garbage collector runs.
     *
     * @param s the state whose slots go
     * @param keep tensors that must stay usable
     */
    static void releaseSlots(SviState s, List<Tensor> keep) {
        Set<Buffer> kept = buffers(keep);
        for (List<Tensor> slot : s.optimizer().slots()) {
            for (Tensor t : slot) {
                if (!kept.contains(t.buffer())) {
                    t.release();
                }
            }
        }
    }

    /** The params and then every optimizer slot of a state. */
    static List<Tensor> tensors(SviState s) {
        List<Tensor> out = new ArrayList<>(s.params());
        s.optimizer().slots().forEach(out::addAll);
        return out;
    }

    /** The buffers of some tensors, by identity. */
    private static Set<Buffer> buffers(List<Tensor> ts) {
        Set<Buffer> out = identitySet();
        for (Tensor t : ts) {
            out.add(t.buffer());
        }
        return out;
    }

    private static Set<Buffer> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
