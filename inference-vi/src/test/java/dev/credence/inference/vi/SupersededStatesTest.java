package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.DelegatingBackend;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A run frees each replaced state at once: the buffers alive after a run do not grow with its
 * length, compiled or direct, and the final state is left alive. {@code releaseSlots} frees an
 * optimizer state's slots but spares a buffer still in use, and a resumed run frees the state it
 * read from a checkpoint.
 */
class SupersededStatesTest {

    /** Tracks the buffers made and not yet released. */
    static final class LiveBuffers extends DelegatingBackend {
        final Set<Buffer> live = Collections.newSetFromMap(new IdentityHashMap<>());

        LiveBuffers(Backend inner) {
            super(inner);
        }

        private Buffer made(Buffer b) {
            live.add(b);
            return b;
        }

        @Override
        public Buffer fromDoubles(double[] data, Shape shape, DType dtype) {
            return made(super.fromDoubles(data, shape, dtype));
        }

        @Override
        public Buffer fromFloats(float[] data, Shape shape) {
            return made(super.fromFloats(data, shape));
        }

        @Override
        public Buffer fromInts(int[] data, Shape shape, DType dtype) {
            return made(super.fromInts(data, shape, dtype));
        }

        @Override
        public Buffer full(double value, Shape shape, DType dtype) {
            return made(super.full(value, shape, dtype));
        }

        @Override
        public Buffer execute(
                Primitive op, Attributes attributes, Buffer[] inputs, Shape shape, DType dtype) {
            return made(super.execute(op, attributes, inputs, shape, dtype));
        }

        @Override
        public void release(Buffer x) {
            live.remove(x);
            super.release(x);
        }
    }

    /** SVI with Adam on a conjugate model, its tensors on {@code b}. */
    private static Svi svi(LiveBuffers b, boolean compile) {
        Model model = new ConjugateModels(b, 20, 2, 1).model(5);
        return new Svi(
                        model,
                        new AutoNormal(model, RandomKey.of(1)),
                        Adam.of(0.05),
                        new TraceElbo(2))
                .compiled(compile);
    }

    /** A run of {@code steps} steps, its tensors on {@code b}. */
    private static SviResult run(LiveBuffers b, boolean compile, int steps) {
        return svi(b, compile).run(RandomKey.of(21), SviSettings.of(steps), ProgressListener.NONE);
    }

    private static LiveBuffers jvm() {
        return new LiveBuffers(Backends.discover().select("jvm"));
    }

    /** The buffers alive after a run of {@code steps} steps, less those of its final state. */
    private static int aliveAfter(boolean compile, int steps) {
        LiveBuffers b = jvm();
        SviResult r = run(b, compile, steps);
        assertEquals(compile, r.steps().startsWith("compiled"), r.steps());
        Set<Buffer> state = Collections.newSetFromMap(new IdentityHashMap<>());
        SupersededStates.tensors(r.state()).forEach(t -> state.add(t.buffer()));
        assertTrue(b.live.containsAll(state), "the final state is alive");
        return b.live.size() - state.size();
    }

    @Test
    @DisplayName(
            "compiled steps free each replaced state: what stays alive does not grow with steps")
    void compiledRunsStayFlat() {
        assertEquals(aliveAfter(true, 10), aliveAfter(true, 40));
    }

    @Test
    @DisplayName("direct steps free each replaced state: what stays alive does not grow with steps")
    void directRunsStayFlat() {
        assertEquals(aliveAfter(false, 10), aliveAfter(false, 40));
    }

    @Test
    @DisplayName(
            "releaseSlots frees a state's optimizer slots, but not one that shares a kept buffer")
    void releaseSlotsKeepsSharedBuffers() {
        LiveBuffers b = jvm();
        SviState s = run(b, true, 3).state();
        List<Tensor> slots = new ArrayList<>();
        s.optimizer().slots().forEach(slots::addAll);
        List<Buffer> others = new ArrayList<>();
        slots.subList(1, slots.size()).forEach(t -> others.add(t.buffer()));
        Tensor shared = slots.get(0);
        SupersededStates.releaseSlots(s, List.of(shared));
        assertTrue(b.live.contains(shared.buffer()), "the kept slot is alive");
        for (Buffer o : others) {
            assertTrue(!b.live.contains(o), "the other slots are freed");
        }
        s.params().forEach(t -> assertTrue(b.live.contains(t.buffer()), "the params are alive"));
    }

    @Test
    @DisplayName(
            "on resuming, the fresh state's slots are freed, and the restored state when replaced")
    void ownedStateIsFreedWhenReplaced() {
        for (boolean own : new boolean[] {true, false}) {
            LiveBuffers b = jvm();
            Svi svi = svi(b, false);
            SviState s0 = svi.init(RandomKey.of(21));
            SviState s1 = svi.step(s0, RandomKey.of(21)).state();
            List<Buffer> before = new ArrayList<>();
            SupersededStates.tensors(s0).forEach(t -> before.add(t.buffer()));
            SupersededStates superseded = new SupersededStates();
            if (own) {
                SviState fresh = svi.init(RandomKey.of(21));
                List<Buffer> freshSlots = new ArrayList<>();
                fresh.optimizer().slots().forEach(l -> l.forEach(t -> freshSlots.add(t.buffer())));
                superseded.resumed(fresh, s0);
                for (Buffer x : freshSlots) {
                    assertTrue(!b.live.contains(x), "the fresh state's slots are freed");
                }
                fresh.params().forEach(t -> assertTrue(b.live.contains(t.buffer()), "params stay"));
            }
            superseded.replace(s0, s1);
            for (Buffer x : before) {
                assertEquals(!own, b.live.contains(x), own ? "owned: freed" : "not owned: kept");
            }
        }
    }
}
