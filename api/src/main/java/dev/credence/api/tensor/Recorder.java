package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.Primitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, on one thread, every primitive that {@link Tensor} applies, as a straight-line {@link
 * Program} over buffer slots. Reading a produced tensor's values on the host makes the recording
 * non-replayable, since the computation might then depend on those values.
 *
 * <p>A tensor the recording did not produce is, by default, a constant of the program. A recording
 * started by {@link #startBody} (the body of a {@link Loop}) makes it a <em>capture</em> instead:
 * an extra input of the program, after the declared ones, whose value the caller supplies on every
 * run. Captures let a body close over tensors that change between runs (the parameters of a
 * recurrence, say) and let gradients flow to them.
 */
final class Recorder {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();
    private static volatile int active;

    private final Map<Tensor.Handle, Integer> slots = new IdentityHashMap<>();
    private final Map<Integer, Buffer> constants = new HashMap<>();
    private final List<Program.Step> steps = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Tensor> captures;
    private final Recorder outer;
    private int next;
    private String notReplayable;

    private Recorder(Recorder outer, boolean capturing) {
        this.outer = outer;
        this.captures = capturing ? new ArrayList<>() : null;
    }

    static Recorder current() {
        return active == 0 ? null : CURRENT.get();
    }

    /** Starts a recording whose one input is {@code input}; other tensors become constants. */
    static Recorder start(Tensor input) {
        return begin(List.of(input), false);
    }

    /**
     * Starts the recording of a loop body: the declared inputs take the first slots, and every
     * other tensor the body reads becomes a capture ({@link #captures()}). The inputs must have
     * distinct handles.
     */
    static Recorder startBody(List<Tensor> declared) {
        return begin(declared, true);
    }

    private static Recorder begin(List<Tensor> declared, boolean capturing) {
        Recorder r = new Recorder(CURRENT.get(), capturing);
        for (Tensor t : declared) {
            if (r.slots.putIfAbsent(t.handle(), r.next) != null) {
                throw new IllegalArgumentException(
                        "program recording: two inputs share one buffer handle");
            }
            r.inputs.add(r.next++);
        }
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
            if (captures != null) {
                captures.add(t);
                inputs.add(s);
            } else {
                constants.put(s, t.handle().buffer);
                t.handle().pinned = true;
            }
        }
        return s;
    }

    void step(Primitive op, Attributes attributes, Tensor out, Tensor[] inputs) {
        steps.add(
                new Program.Step(
                        op,
                        attributes,
                        slots(inputs),
                        output(out),
                        out.shape(),
                        out.dtype(),
                        null));
    }

    void loop(Loop loop, Tensor out, Tensor[] inputs) {
        steps.add(
                new Program.Step(
                        null,
                        Attributes.NONE,
                        slots(inputs),
                        output(out),
                        out.shape(),
                        out.dtype(),
                        loop));
    }

    private int[] slots(Tensor[] inputs) {
        int[] in = new int[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = slot(inputs[i]);
        }
        return in;
    }

    private int output(Tensor out) {
        int o = next++;
        slots.put(out.handle(), o);
        return o;
    }

    void hostRead(Tensor t) {
        Integer s = slots.get(t.handle());
        if (s != null && !constants.containsKey(s)) {
            notReplayable =
                    "the computation read the values of "
                            + (inputs.contains(s) ? "an input " : "an intermediate ")
                            + t.dtype()
                            + t.shape()
                            + " on the host, so it may depend on them";
        }
    }

    /** The tensors a body recording captured, in the order of their input slots. */
    List<Tensor> captures() {
        return captures == null ? List.of() : List.copyOf(captures);
    }

    Program finish(Tensor... outputs) {
        int[] out = new int[outputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = slot(outputs[i]);
        }
        int[] in = inputs.stream().mapToInt(Integer::intValue).toArray();
        return new Program(steps, constants, next, in, out, notReplayable);
    }
}
