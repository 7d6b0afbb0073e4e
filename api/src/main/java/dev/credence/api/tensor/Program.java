package dev.credence.api.tensor;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BinaryOp;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.CompareOp;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A recorded straight-line computation: the primitives a function applied, replayed on new input
 * values without rebuilding tensors, tape nodes or shapes. Recording a value-and-gradient
 * evaluation once (forward and backward primitives alike) and replaying it is how repeated
 * evaluations of a fixed-structure function, such as an HMC potential, avoid the per-operation
 * overhead of the tensor API.
 *
 * <pre>{@code
 * Program p = Program.record(x0, x -> List.of(f(x), Autodiff.grad(f, x)));
 * Buffer[] out = p.run(backend, x1.buffer());
 * }</pre>
 *
 * <p>Replay is exact, not approximate: it issues the same backend calls in the same order. It is
 * valid only when the function's structure does not depend on its input values; a recording that
 * read an intermediate value on the host says so in {@link #notReplayableReason()}, and callers
 * should compare recordings at two inputs ({@link #signature()}) before trusting one.
 */
public final class Program {

    /** The kinds of recorded step. */
    enum Kind {
        UNARY,
        BINARY,
        COMPARE,
        WHERE,
        REDUCE_SUM,
        REDUCE_MAX,
        MATMUL,
        RESHAPE,
        PERMUTE,
        BROADCAST,
        SLICE,
        CONCAT,
        GATHER,
        SCATTER_ADD,
        ONE_HOT,
        CAST
    }

    /** One recorded backend call. */
    record Step(Kind kind, Object attr, int[] in, int out, Shape shape, DType dtype) {
        Buffer exec(Backend b, Buffer[] s) {
            return switch (kind) {
                case UNARY -> b.unary((UnaryOp) attr, s[in[0]]);
                case BINARY -> b.binary((BinaryOp) attr, s[in[0]], s[in[1]], shape);
                case COMPARE -> b.compare((CompareOp) attr, s[in[0]], s[in[1]], shape);
                case WHERE -> b.where(s[in[0]], s[in[1]], s[in[2]], shape);
                case REDUCE_SUM, REDUCE_MAX -> {
                    Tensor.ReduceAttr a = (Tensor.ReduceAttr) attr;
                    yield b.reduce(Recorder.reduceOp(kind), s[in[0]], a.axes(), a.keepDims());
                }
                case MATMUL -> b.matmul(s[in[0]], s[in[1]], shape);
                case RESHAPE -> b.reshape(s[in[0]], shape);
                case PERMUTE -> b.permute(s[in[0]], (int[]) attr);
                case BROADCAST -> b.broadcastTo(s[in[0]], shape);
                case SLICE -> {
                    int[][] r = (int[][]) attr;
                    yield b.slice(s[in[0]], r[0], r[1]);
                }
                case CONCAT -> {
                    Buffer[] xs = new Buffer[in.length];
                    for (int i = 0; i < in.length; i++) {
                        xs[i] = s[in[i]];
                    }
                    yield b.concat(xs, (Integer) attr, shape);
                }
                case GATHER -> b.gather(s[in[0]], (Integer) attr, s[in[1]]);
                case SCATTER_ADD -> b.scatterAdd(shape, (Integer) attr, s[in[0]], s[in[1]]);
                case ONE_HOT -> b.oneHot(s[in[0]], (Integer) attr, dtype);
                case CAST -> b.cast(s[in[0]], dtype);
            };
        }

        String signature() {
            String a =
                    attr instanceof int[] ia
                            ? Arrays.toString(ia)
                            : attr instanceof int[][] r
                                    ? Arrays.deepToString(r)
                                    : attr instanceof Tensor.ReduceAttr ra
                                            ? Arrays.toString(ra.axes()) + ra.keepDims()
                                            : String.valueOf(attr);
            return kind + "(" + a + ")" + Arrays.toString(in) + "->" + out + dtype + shape;
        }
    }

    private final List<Step> steps;
    private final Map<Integer, Buffer> constants;
    private final int slotCount;
    private final int[] outputs;
    private final String notReplayable;
    private final int[][] releaseAfter;

    Program(
            List<Step> recorded,
            Map<Integer, Buffer> constants,
            int slotCount,
            int[] outputs,
            String notReplayable) {
        // Keep only the steps the outputs depend on.
        boolean[] needed = new boolean[slotCount];
        for (int o : outputs) {
            needed[o] = true;
        }
        List<Step> live = new ArrayList<>();
        for (int i = recorded.size() - 1; i >= 0; i--) {
            Step s = recorded.get(i);
            if (needed[s.out()]) {
                live.add(0, s);
                for (int in : s.in()) {
                    needed[in] = true;
                }
            }
        }
        this.steps = List.copyOf(live);
        this.constants = Map.copyOf(constants);
        this.slotCount = slotCount;
        this.outputs = outputs.clone();
        this.notReplayable = notReplayable;
        this.releaseAfter = lastUses();
    }

    /** For each step, the slots whose last use it is (intermediates only), to free them early. */
    private int[][] lastUses() {
        int[] last = new int[slotCount];
        Arrays.fill(last, -1);
        for (int i = 0; i < steps.size(); i++) {
            for (int in : steps.get(i).in()) {
                last[in] = i;
            }
        }
        boolean[] keep = new boolean[slotCount];
        keep[0] = true;
        for (int o : outputs) {
            keep[o] = true;
        }
        for (int c : constants.keySet()) {
            keep[c] = true;
        }
        List<List<Integer>> per = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            per.add(new ArrayList<>());
        }
        for (int s = 0; s < slotCount; s++) {
            if (!keep[s] && last[s] >= 0) {
                per.get(last[s]).add(s);
            }
        }
        int[][] out = new int[steps.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = per.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /**
     * Records what {@code f} computes from {@code input}.
     *
     * @param input the input; the recording treats its values as variable
     * @param f the function; it must not read intermediate values on the host
     * @return the program, whose outputs are the tensors {@code f} returns
     */
    public static Program record(Tensor input, Function<Tensor, List<Tensor>> f) {
        Recorder r = Recorder.start(input);
        try {
            List<Tensor> outs = f.apply(input);
            return r.finish(outs.toArray(new Tensor[0]));
        } finally {
            r.stop();
        }
    }

    /**
     * Replays the program on a new input buffer (same shape and dtype as the recorded input).
     *
     * @param b the backend that owns the constants and the input
     * @param input the input buffer
     * @return the output buffers, owned by the caller
     */
    public Buffer[] run(Backend b, Buffer input) {
        Buffer[] s = new Buffer[slotCount];
        for (var e : constants.entrySet()) {
            s[e.getKey()] = e.getValue();
        }
        s[0] = input;
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            s[st.out()] = st.exec(b, s);
            for (int dead : releaseAfter[i]) {
                b.release(s[dead]);
                s[dead] = null;
            }
        }
        Buffer[] out = new Buffer[outputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s[outputs[i]];
        }
        return out;
    }

    /**
     * Why replaying would be unsafe, or null if the recording is replayable.
     *
     * @return the reason or null
     */
    public String notReplayableReason() {
        return notReplayable;
    }

    /**
     * Returns the number of recorded steps the outputs depend on.
     *
     * @return the step count
     */
    public int size() {
        return steps.size();
    }

    /**
     * A description of every step (kind, attributes, slots, shapes), equal for two recordings of
     * the same structure.
     *
     * @return the signature
     */
    public String signature() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(s.signature()).append(';');
        }
        return sb.append(Arrays.toString(outputs)).toString();
    }
}
