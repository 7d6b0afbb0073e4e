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
 */
final class Recorder {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();
    private static volatile int active;

    private final Map<Tensor.Handle, Integer> slots = new IdentityHashMap<>();
    private final Map<Integer, Buffer> constants = new HashMap<>();
    private final Map<Integer, Feed> feeds = new HashMap<>();
    private final Map<Tensor.Handle, Feed> pendingFeeds = new IdentityHashMap<>();
    private final List<IntDraw> intDraws = new ArrayList<>();
    private final Map<Tensor.Handle, Boolean> created = new IdentityHashMap<>();
    private final List<Tensor.Handle> owned = new ArrayList<>();
    private final List<Program.Step> steps = new ArrayList<>();
    private final Recorder outer;
    private final int inputCount;
    private final long run;
    private int next;
    private String notReplayable;

    /** Host integers that a feed remakes, matched by value when a tensor is made from them. */
    private record IntDraw(int[] values, Feed feed) {}

    private Recorder(Recorder outer, int inputCount, long run) {
        this.outer = outer;
        this.inputCount = inputCount;
        this.run = run;
    }

    static Recorder current() {
        return active == 0 ? null : CURRENT.get();
    }

    static Recorder start(List<Tensor> inputs, long run) {
        Recorder r = new Recorder(CURRENT.get(), inputs.size(), run);
        for (Tensor t : inputs) {
            if (r.slots.putIfAbsent(t.handle(), r.next++) != null) {
                throw new IllegalArgumentException(
                        "program: the inputs must be distinct tensors; one buffer "
                                + t.dtype()
                                + t.shape()
                                + " is given twice");
            }
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

    /** As {@link #created}, for an INT32 tensor made from host values that a feed may remake. */
    void createdInts(Tensor.Handle h, int[] values) {
        created(h);
        for (int i = 0; i < intDraws.size(); i++) {
            IntDraw d = intDraws.get(i);
            if (Arrays.equals(d.values(), values)) {
                pendingFeeds.put(h, d.feed());
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
            s = next++;
            slots.put(h, s);
            Feed f = pendingFeeds.get(h);
            if (f != null) {
                feeds.put(s, f);
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
        boolean varying =
                s != null ? !constants.containsKey(s) : pendingFeeds.containsKey(t.handle());
        if (varying) {
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
        // A constant that is also an output belongs to whoever keeps the output, not the program.
        List<Tensor.Handle> own = new ArrayList<>(owned);
        for (Tensor o : outputs) {
            own.remove(o.handle());
        }
        return new Program(steps, constants, feeds, inputCount, next, out, notReplayable, own);
    }
}
