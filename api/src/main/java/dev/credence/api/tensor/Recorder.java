package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.Primitive;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, on one thread, every primitive that {@link Tensor} applies, as a straight-line {@link
 * Program} over buffer slots. Tensors the recording did not produce become constants; reading a
 * produced tensor's values on the host makes the recording non-replayable, since the computation
 * might then depend on those values.
 */
final class Recorder {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();
    private static volatile int active;

    private final Map<Tensor.Handle, Integer> slots = new IdentityHashMap<>();
    private final Map<Integer, Buffer> constants = new java.util.HashMap<>();
    private final List<Program.Step> steps = new ArrayList<>();
    private final Recorder outer;
    private int next;
    private String notReplayable;

    private Recorder(Recorder outer) {
        this.outer = outer;
    }

    static Recorder current() {
        return active == 0 ? null : CURRENT.get();
    }

    static Recorder start(Tensor input) {
        Recorder r = new Recorder(CURRENT.get());
        r.slots.put(input.handle(), r.next++);
        CURRENT.set(r);
        synchronized (Recorder.class) {
            active++;
        }
        return r;
    }

    void stop() {
        if (CURRENT.get() == this) {
            CURRENT.set(outer);
            synchronized (Recorder.class) {
                active--;
            }
        }
    }

    private int slot(Tensor t) {
        Integer s = slots.get(t.handle());
        if (s == null) {
            s = next++;
            slots.put(t.handle(), s);
            constants.put(s, t.handle().buffer);
            t.handle().pinned = true;
        }
        return s;
    }

    void step(Primitive op, Attributes attributes, Tensor out, Tensor[] inputs) {
        int[] in = new int[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = slot(inputs[i]);
        }
        int o = next++;
        slots.put(out.handle(), o);
        steps.add(new Program.Step(op, attributes, in, o, out.shape(), out.dtype()));
    }

    void hostRead(Tensor t) {
        Integer s = slots.get(t.handle());
        if (s != null && !constants.containsKey(s)) {
            notReplayable =
                    "the computation read the values of an intermediate "
                            + t.dtype()
                            + t.shape()
                            + " on the host, so it may depend on them";
        }
    }

    Program finish(Tensor... outputs) {
        int[] out = new int[outputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = slot(outputs[i]);
        }
        return new Program(steps, constants, next, out, notReplayable);
    }
}
