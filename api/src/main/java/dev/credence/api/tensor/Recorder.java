package dev.credence.api.tensor;

import dev.credence.api.autodiff.Primitive;
import dev.credence.api.backend.BinaryOp;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.CompareOp;
import dev.credence.api.backend.ReduceOp;
import dev.credence.api.backend.UnaryOp;
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

    private void add(Program.Kind kind, Object attr, Tensor out, Tensor... inputs) {
        int[] in = new int[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = slot(inputs[i]);
        }
        int o = next++;
        slots.put(out.handle(), o);
        steps.add(new Program.Step(kind, attr, in, o, out.shape(), out.dtype()));
    }

    void primitive(Primitive op, Object attr, Tensor out, Tensor[] inputs) {
        switch (op) {
            case IDENTITY -> notReplayable = "identity nodes are not primitives";
            case ADD -> add(Program.Kind.BINARY, BinaryOp.ADD, out, inputs);
            case SUB -> add(Program.Kind.BINARY, BinaryOp.SUB, out, inputs);
            case MUL -> add(Program.Kind.BINARY, BinaryOp.MUL, out, inputs);
            case DIV -> add(Program.Kind.BINARY, BinaryOp.DIV, out, inputs);
            case POW -> add(Program.Kind.BINARY, BinaryOp.POW, out, inputs);
            case MAXIMUM -> add(Program.Kind.BINARY, BinaryOp.MAX, out, inputs);
            case MINIMUM -> add(Program.Kind.BINARY, BinaryOp.MIN, out, inputs);
            case WHERE -> add(Program.Kind.WHERE, null, out, inputs);
            case SUM -> add(Program.Kind.REDUCE_SUM, attr, out, inputs);
            case MAX -> add(Program.Kind.REDUCE_MAX, attr, out, inputs);
            case MATMUL -> add(Program.Kind.MATMUL, null, out, inputs);
            case RESHAPE -> add(Program.Kind.RESHAPE, null, out, inputs);
            case PERMUTE -> add(Program.Kind.PERMUTE, attr, out, inputs);
            case BROADCAST_TO -> add(Program.Kind.BROADCAST, null, out, inputs);
            case SLICE -> add(Program.Kind.SLICE, attr, out, inputs);
            case CONCAT -> add(Program.Kind.CONCAT, attr, out, inputs);
            case GATHER -> add(Program.Kind.GATHER, attr, out, inputs);
            case SCATTER_ADD -> add(Program.Kind.SCATTER_ADD, attr, out, inputs);
            case CAST -> add(Program.Kind.CAST, null, out, inputs);
            default -> add(Program.Kind.UNARY, UnaryOp.valueOf(op.name()), out, inputs);
        }
    }

    void compare(CompareOp op, Tensor out, Tensor a, Tensor b) {
        add(Program.Kind.COMPARE, op, out, a, b);
    }

    void oneHot(int depth, Tensor out, Tensor indices) {
        add(Program.Kind.ONE_HOT, depth, out, indices);
    }

    void cast(Tensor out, Tensor in) {
        add(Program.Kind.CAST, null, out, in);
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

    static ReduceOp reduceOp(Program.Kind k) {
        return k == Program.Kind.REDUCE_SUM ? ReduceOp.SUM : ReduceOp.MAX;
    }
}
