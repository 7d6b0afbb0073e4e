package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
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
 * <p>A step is the {@link Primitive} the tape records, with the same typed {@link Attributes}, so
 * replaying is one {@link Backend#execute} call per step with no translation.
 *
 * <p>Replay is exact, not approximate: it issues the same backend calls in the same order. It is
 * valid only when the function's structure does not depend on its input values; a recording that
 * read an intermediate value on the host says so in {@link #notReplayableReason()}, and callers
 * should compare recordings at two inputs ({@link #signature()}) before trusting one.
 */
public final class Program {

    /** One recorded primitive: what it was applied to, in buffer slots, and what it produced. */
    record Step(Primitive op, Attributes attributes, int[] in, int out, Shape shape, DType dtype) {
        /**
         * Runs the step on slot values {@code s}, gathering its inputs into {@code args} (a scratch
         * array of this step's arity, reused across the steps of one run so that replay allocates
         * no argument arrays).
         */
        Buffer exec(Backend b, Buffer[] s, Buffer[] args) {
            for (int i = 0; i < in.length; i++) {
                args[i] = s[in[i]];
            }
            return b.execute(op, attributes, args, shape, dtype);
        }

        String signature() {
            return op + "(" + attributes + ")" + Arrays.toString(in) + "->" + out + dtype + shape;
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
        Buffer[][] scratch = new Buffer[4][];
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            int n = st.in().length;
            Buffer[] args =
                    n < scratch.length
                            ? (scratch[n] != null ? scratch[n] : (scratch[n] = new Buffer[n]))
                            : new Buffer[n];
            s[st.out()] = st.exec(b, s, args);
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
