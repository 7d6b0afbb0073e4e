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
 * <p>Only buffers that a step of this run made are freed: the initial state (from {@link Svi#init}
 * or a checkpoint) belongs to whoever made it, and a buffer that the new state still holds (an
 * optimizer slot carried over unchanged, say) stays. The last state is never freed here: it is the
 * run's result.
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
        Set<Buffer> kept = identitySet();
        for (Tensor t : tensors(next)) {
            kept.add(t.buffer());
        }
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

    /** The params and then every optimizer slot of a state. */
    static List<Tensor> tensors(SviState s) {
        List<Tensor> out = new ArrayList<>(s.params());
        s.optimizer().slots().forEach(out::addAll);
        return out;
    }

    private static Set<Buffer> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
