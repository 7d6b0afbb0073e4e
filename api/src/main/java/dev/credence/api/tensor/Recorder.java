package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.Primitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, on one thread, every primitive that {@link Tensor} applies, as a straight-line {@link
 * Program} over buffer slots. Tensors the recording did not produce become constants, unless a
 * {@link Feed} was registered for them; reading a produced tensor's values on the host makes the
 * recording non-replayable, since the computation might then depend on those values. Constants that
 * the recorded function itself made are owned by the program, which frees them when closed.
 *
 * <p>A recording started by {@link #startBody} (the body of a {@link Loop}) makes a tensor it did
 * not produce a <em>capture</em> instead of a constant: an extra input of the program, after the
 * declared ones, whose value the caller supplies on every run. Captures let a body close over
 * tensors that change between runs (the parameters of a recurrence, say) and let gradients flow to
 * them.
 */
final class Recorder {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();
    private static volatile int active;

    private final Map<Tensor.Handle, Integer> slots = new IdentityHashMap<>();
    private final Map<Integer, Buffer> constants = new HashMap<>();
    private final Map<Integer, Feed> feeds = new HashMap<>();
    private final Map<Tensor.Handle, Feed> pendingFeeds = new IdentityHashMap<>();
    private final List<IntDraw> intDraws = new ArrayList<>();
    private final Map<Tensor.Handle, IntDraw> drawOf = new IdentityHashMap<>();
    private final Map<IntDraw, Integer> drawSlots = new IdentityHashMap<>();
    private final Map<Tensor.Handle, Boolean> created = new IdentityHashMap<>();
    private final List<Tensor.Handle> owned = new ArrayList<>();
    private final List<Program.Step> steps = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Tensor> captures;
    private final Recorder outer;
    private final long run;
    private int next;
    private String notReplayable;

    /** Host integers that a feed remakes, matched by value when a tensor is made from them. */
    private record IntDraw(int[] values, Feed feed) {}

    private Recorder(Recorder outer, boolean capturing, long run) {
        this.outer = outer;
        this.captures = capturing ? new ArrayList<>() : null;
        this.run = run;
    }

    static Recorder current() {
        return active == 0 ? null : CURRENT.get();
    }

    /** Starts a recording of run {@code run} whose inputs are {@code inputs}. */
    static Recorder start(List<Tensor> inputs, long run) {
        return begin(inputs, false, run);
    }

    /**
     * Starts the recording of a loop body: the declared inputs take the first slots, and every
     * other tensor the body reads becomes a capture ({@link #captures()}).
     */
    static Recorder startBody(List<Tensor> declared) {
        Recorder outer = CURRENT.get();
        return begin(declared, true, outer == null ? 0 : outer.run);
    }

    private static Recorder begin(List<Tensor> declared, boolean capturing, long run) {
        Recorder r = new Recorder(CURRENT.get(), capturing, run);
        for (Tensor t : declared) {
            if (r.slots.putIfAbsent(t.handle(), r.next) != null) {
                throw new IllegalArgumentException(
                        "program: the inputs must be distinct tensors; one buffer "
                                + t.dtype()
                                + t.shape()
                                + " is given twice");
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

    long run() {
        return run;
    }

    /** Notes a tensor made on the host during the recording (a factory, not a primitive). */
    void created(Tensor.Handle h) {
        created.put(h, Boolean.TRUE);
    }

    /**
     * As {@link #created}, for an INT32 tensor made from host values that a feed may remake. Every
     * tensor made from one draw reads one fed slot (a model and its guide each make the index
     * tensor of the same minibatch), so the passes of {@link Program#optimized} can merge the steps
     * that use them.
     */
    void createdInts(Tensor.Handle h, int[] values) {
        created(h);
        for (int i = 0; i < intDraws.size(); i++) {
            IntDraw d = intDraws.get(i);
            if (Arrays.equals(d.values(), values)) {
                pendingFeeds.put(h, d.feed());
                drawOf.put(h, d);
                return;
            }
        }
    }

    void feed(Tensor t, Feed f) {
        if (slots.containsKey(t.handle())) {
            throw new IllegalStateException(
                    "program: a feed must be declared before the tensor's first use");
        }
        pendingFeeds.put(t.handle(), f);
    }

    void feedInts(int[] values, Feed f) {
        intDraws.add(new IntDraw(values.clone(), f));
    }

    private int slot(Tensor t) {
        Tensor.Handle h = t.handle();
        Integer s = slots.get(h);
        if (s == null) {
            IntDraw draw = drawOf.get(h);
            Integer shared = draw == null ? null : drawSlots.get(draw);
            if (shared != null) {
                slots.put(h, shared);
                return shared;
            }
            s = next++;
            slots.put(h, s);
            Feed f = pendingFeeds.get(h);
            if (f != null) {
                feeds.put(s, f);
                if (draw != null) {
                    drawSlots.put(draw, s);
                }
            } else if (captures != null) {
                captures.add(t);
                inputs.add(s);
            } else {
                constants.put(s, h.buffer);
                h.pinned = true;
                if (created.containsKey(h)) {
                    owned.add(h);
                }
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
        boolean varying =
                s != null ? !constants.containsKey(s) : pendingFeeds.containsKey(t.handle());
        if (varying) {
            notReplayable =
                    "the computation read the values of "
                            + (s != null && inputs.contains(s) ? "an input " : "an intermediate ")
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
        // A constant that is also an output belongs to whoever keeps the output, not the program.
        List<Tensor.Handle> own = new ArrayList<>(owned);
        for (Tensor o : outputs) {
            own.remove(o.handle());
        }
        int[] in = inputs.stream().mapToInt(Integer::intValue).toArray();
        return new Program(steps, constants, feeds, next, in, out, notReplayable, own);
    }

    /** The tensors a body recording captured, in the order of their input slots. */
    List<Tensor> captures() {
        return captures == null ? List.of() : List.copyOf(captures);
    }
}
