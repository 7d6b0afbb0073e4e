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
 * evaluations of a fixed-structure function, such as an HMC potential or a training step, avoid the
 * per-operation overhead of the tensor API.
 *
 * <pre>{@code
 * Program p = Program.record(x0, x -> List.of(f(x), Autodiff.grad(f, x)));
 * Buffer[] out = p.run(backend, x1.buffer());
 * }</pre>
 *
 * <p>A step is the {@link Primitive} the tape records, with the same typed {@link Attributes}, so
 * replaying is one {@link Backend#execute} call per step with no translation. Each slot holds one
 * of: an input, a constant (a tensor the recording did not compute, such as data), a {@link Feed}
 * (a host-made value remade for every run, such as a random draw), or a step's result.
 * Intermediates and feeds are released right after their last use.
 *
 * <p>Replay is exact, not approximate: it issues the same backend calls in the same order. It is
 * valid only when the function's structure does not depend on its input values, and when every
 * host-made value that changes between runs is a feed; a recording that read an intermediate value
 * on the host says so in {@link #notReplayableReason()}, and callers should compare recordings of
 * two runs ({@link #signature()}, {@link #differingConstant}) and check a replay against direct
 * execution before trusting one.
 */
public final class Program implements AutoCloseable {

    /**
     * One recorded step: a primitive, or a {@link Loop} (then {@code op} is null), what it was
     * applied to, in buffer slots, and the slot it produced.
     *
     * @param op the primitive, or null for a loop
     * @param attributes the primitive's attributes ({@link Attributes#NONE} for a loop)
     * @param in the input slots
     * @param out the output slot
     * @param shape the result's shape
     * @param dtype the result's dtype
     * @param loop the loop, or null for a primitive
     */
    public record Step(
            Primitive op,
            Attributes attributes,
            int[] in,
            int out,
            Shape shape,
            DType dtype,
            Loop loop) {
        /**
         * Copies the input slots.
         *
         * @param op the primitive, or null for a loop
         * @param attributes the primitive's attributes
         * @param in the input slots
         * @param out the output slot
         * @param shape the result's shape
         * @param dtype the result's dtype
         * @param loop the loop, or null for a primitive
         */
        public Step {
            in = in.clone();
        }

        /** {@return the input slots (a copy)} */
        @Override
        public int[] in() {
            return in.clone();
        }

        /**
         * Runs the step on slot values {@code s}, gathering its inputs into {@code args} (a scratch
         * array of this step's arity, reused across the steps of one run so that replay allocates
         * no argument arrays).
         */
        Buffer exec(Backend b, Buffer[] s, Buffer[] args) {
            for (int i = 0; i < in.length; i++) {
                args[i] = s[in[i]];
            }
            return loop != null
                    ? loop.execute(b, args)
                    : b.execute(op, attributes, args, shape, dtype);
        }

        int arity() {
            return in.length;
        }

        int slot(int i) {
            return in[i];
        }

        String signature() {
            String head =
                    loop != null ? "loop{" + loop.signature() + "}" : op + "(" + attributes + ")";
            return head + Arrays.toString(in) + "->" + out + dtype + shape;
        }
    }

    private final List<Step> steps;
    private final Map<Integer, Buffer> constants;
    private final Map<Integer, Feed> feeds;
    private final int[] liveFeeds;
    private final int slotCount;
    private final int[] inputs;
    private final int[] outputs;
    private final String notReplayable;
    private final int[][] releaseAfter;
    private final List<Tensor.Handle> owned;

    Program(
            List<Step> recorded,
            Map<Integer, Buffer> constants,
            Map<Integer, Feed> feeds,
            int slotCount,
            int[] inputs,
            int[] outputs,
            String notReplayable,
            List<Tensor.Handle> owned) {
        // Keep only the steps the outputs depend on.
        boolean[] needed = new boolean[slotCount];
        for (int o : outputs) {
            needed[o] = true;
        }
        List<Step> live = new ArrayList<>();
        for (int i = recorded.size() - 1; i >= 0; i--) {
            Step s = recorded.get(i);
            if (needed[s.out()]) {
                live.add(s);
                for (int k = 0; k < s.arity(); k++) {
                    needed[s.slot(k)] = true;
                }
            }
        }
        java.util.Collections.reverse(live);
        this.steps = List.copyOf(live);
        this.constants = Map.copyOf(constants);
        this.feeds = Map.copyOf(feeds);
        this.liveFeeds =
                feeds.keySet().stream().filter(s -> needed[s]).sorted().mapToInt(s -> s).toArray();
        this.slotCount = slotCount;
        this.inputs = inputs.clone();
        this.outputs = outputs.clone();
        this.notReplayable = notReplayable;
        this.releaseAfter = lastUses();
        this.owned = List.copyOf(owned);
    }

    /** For each step, the slots whose last use it is (intermediates and feeds), to free early. */
    private int[][] lastUses() {
        int[] last = new int[slotCount];
        Arrays.fill(last, -1);
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            for (int k = 0; k < st.arity(); k++) {
                last[st.slot(k)] = i;
            }
        }
        boolean[] keep = new boolean[slotCount];
        for (int in : inputs) {
            keep[in] = true;
        }
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
        return record(List.of(input), 0, xs -> f.apply(xs.get(0)));
    }

    /**
     * Records what {@code f} computes from several inputs, as run number {@code run} of a repeated
     * computation (what {@link Feed}s registered during the recording are relative to).
     *
     * @param inputs the inputs, distinct tensors; the recording treats their values as variable
     * @param run the run number this recording stands for
     * @param f the function; it must not read intermediate values on the host
     * @return the program, whose outputs are the tensors {@code f} returns; {@link #close()} it to
     *     free the constants it made while recording
     */
    public static Program record(
            List<Tensor> inputs, long run, Function<List<Tensor>, List<Tensor>> f) {
        Recorder r = Recorder.start(inputs, run);
        try {
            List<Tensor> outs = f.apply(inputs);
            return r.finish(outs.toArray(new Tensor[0]));
        } finally {
            r.stop();
        }
    }

    /**
     * Replays the program on new input buffers (same shapes and dtypes as the recorded inputs).
     *
     * @param b the backend that owns the constants and the inputs
     * @param in the input buffers, one per input of the recording ({@link #inputCount()})
     * @return the output buffers, owned by the caller (an output that is an input or a constant is
     *     that same buffer)
     */
    public Buffer[] run(Backend b, Buffer... in) {
        return run(b, in, 0);
    }

    /**
     * Replays the program on new input buffers as run number {@code run}: feeds make their values
     * for that run, then every step executes in recorded order.
     *
     * @param b the backend that owns the constants and the inputs
     * @param in one buffer per recorded input, same shapes and dtypes
     * @param run the run number passed to the feeds
     * @return the output buffers: new ones owned by the caller, except outputs that are inputs or
     *     constants ({@link #isFreshOutput(int)})
     */
    public Buffer[] run(Backend b, Buffer[] in, long run) {
        if (in.length != inputs.length) {
            throw new IllegalArgumentException(
                    "program: takes " + inputs.length + " inputs, found " + in.length);
        }
        Buffer[] s = new Buffer[slotCount];
        for (var e : constants.entrySet()) {
            s[e.getKey()] = e.getValue();
        }
        for (int i = 0; i < in.length; i++) {
            s[inputs[i]] = in[i];
        }
        for (int f : liveFeeds) {
            s[f] = feeds.get(f).make(b, run);
        }
        Buffer[][] scratch = new Buffer[4][];
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            int n = st.arity();
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
     * Returns an equivalent program with less work: equal constants merged, steps on constants
     * alone computed once now, and repeated steps dropped ({@link ProgramPasses}). Results are the
     * same bit for bit. This program must not be used or closed afterwards: the new one owns its
     * constants.
     *
     * @param b the backend of the constants, which runs the folded steps
     * @return the optimised program
     */
    public Program optimized(Backend b) {
        ProgramPasses.Parts p = ProgramPasses.run(b, steps, constants, outputs, slotCount);
        List<Tensor.Handle> own = new ArrayList<>(owned);
        own.addAll(p.folded());
        Map<Integer, Feed> live = new java.util.HashMap<>();
        for (int f : liveFeeds) {
            live.put(f, feeds.get(f));
        }
        return new Program(
                p.steps(), p.constants(), live, slotCount, inputs, p.outputs(), notReplayable, own);
    }

    /**
     * Tells whether output {@code i} is a new buffer at every run, rather than one of the inputs or
     * a constant of the program (which the caller must not release).
     *
     * @param i the output's index
     * @return true if the run makes it
     */
    public boolean isFreshOutput(int i) {
        int slot = outputs[i];
        return !isInputOutput(i) && !constants.containsKey(slot);
    }

    /**
     * Tells whether output {@code i} is one of the program's inputs, passed through.
     *
     * @param i the output's index
     * @return true if the output is an input buffer
     */
    public boolean isInputOutput(int i) {
        for (int in : inputs) {
            if (in == outputs[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the program to tensors through the tensor API, one primitive at a time, as if its
     * steps had been written out by hand: the results are on the autodiff tape when an input is
     * tracked, and a recording in progress records every step. This is how a recorded body is
     * differentiated ({@link Loop}) and how one recording is inlined into another.
     *
     * @param in the inputs, one per input of the recording, of the recorded shapes and dtypes
     * @return the outputs
     */
    public List<Tensor> call(Tensor... in) {
        if (liveFeeds.length > 0) {
            throw new IllegalStateException(
                    "program: a recording with feeds runs only by run(backend, inputs, run)");
        }
        if (in.length != inputs.length) {
            throw new IllegalArgumentException(
                    "program: takes " + inputs.length + " inputs, found " + in.length);
        }
        Tensor[] s = new Tensor[slotCount];
        for (var e : constants.entrySet()) {
            s[e.getKey()] = Tensor.pinned(in[0].backend(), e.getValue());
        }
        for (int i = 0; i < in.length; i++) {
            s[inputs[i]] = in[i];
        }
        for (Step st : steps) {
            Tensor[] args = new Tensor[st.arity()];
            for (int k = 0; k < args.length; k++) {
                args[k] = s[st.slot(k)];
            }
            s[st.out()] =
                    st.loop() != null
                            ? Tensor.applyLoop(st.loop(), args)
                            : Tensor.apply(st.op(), st.attributes(), st.shape(), st.dtype(), args);
        }
        List<Tensor> out = new ArrayList<>(outputs.length);
        for (int o : outputs) {
            out.add(s[o]);
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
     * Returns the steps the outputs depend on, in execution order: for tools that translate a
     * recording (a compiler for the host, say).
     *
     * @return the steps
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * Returns the number of slots: every input, constant and step result has one.
     *
     * @return the slot count
     */
    public int slotCount() {
        return slotCount;
    }

    /**
     * Returns the number of inputs {@link #run} takes.
     *
     * @return the input count
     */
    public int inputCount() {
        return inputs.length;
    }

    /**
     * Returns the slots of the inputs, in the order {@link #run} takes them.
     *
     * @return the input slots (a copy)
     */
    public int[] inputSlots() {
        return inputs.clone();
    }

    /**
     * Returns the slots of the outputs, in the order {@link #run} returns them.
     *
     * @return the output slots (a copy)
     */
    public int[] outputSlots() {
        return outputs.clone();
    }

    /**
     * Returns the constants: buffers the recording captured, by slot. They belong to the program
     * and must not be released.
     *
     * @return the constants
     */
    public Map<Integer, Buffer> constants() {
        return constants;
    }

    /**
     * A description of every step (kind, attributes, slots, shapes), equal for two recordings of
     * the same structure (the feeds and inputs included).
     *
     * @return the signature
     */
    public String signature() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(s.signature()).append(';');
        }
        sb.append("feeds").append(Arrays.toString(liveFeeds));
        return sb.append(Arrays.toString(inputs)).append(Arrays.toString(outputs)).toString();
    }

    /**
     * Compares the constants of two recordings of the same structure ({@link #signature()} equal):
     * a constant whose value differs between them is a host-made value that changes from run to run
     * without a {@link Feed}, so replaying either recording would be wrong.
     *
     * @param other another recording with the same signature
     * @param b the backend that holds both programs' constants
     * @return null if every constant the steps use is equal in both, else a description of the
     *     first that is not
     */
    public String differingConstant(Program other, Backend b) {
        return ProgramComparison.differingConstant(
                steps, outputs, slotCount, constants, other.constants, b);
    }

    /**
     * Frees the constants that the recording itself made (scalars, zeros, folded values); data and
     * other tensors made before the recording are untouched. The program cannot run afterwards.
     */
    @Override
    public void close() {
        for (Tensor.Handle h : owned) {
            h.pinned = false;
            h.release();
        }
    }
}
