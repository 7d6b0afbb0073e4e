package dev.credence.compiler;

import dev.credence.api.compile.CompiledProgram;

/**
 * A recorded {@link dev.credence.api.tensor.Program} compiled for the host by {@link HostCompiler}:
 * one kernel per step over plain {@code double[]} slots, no backend calls, no buffers, no
 * allocation per run. It is the api's {@link CompiledProgram}, as this module provides it.
 *
 * <p>A program is immutable and may be shared by threads; each thread runs it in a {@link Frame} of
 * its own (the slots' arrays), made once and reused:
 *
 * <pre>{@code
 * HostProgram.Frame frame = program.newFrame();      // one per thread
 * program.run(frame, q);                             // inputs are read, never written
 * double value = program.output(frame, 0)[0];        // valid until the next run in this frame
 * }</pre>
 */
public final class HostProgram implements CompiledProgram {

    /**
     * The working memory of one thread: an array per slot (constants are shared, inputs and aliases
     * are bound during a run), and a frame per loop for its body.
     */
    public static final class Frame implements CompiledProgram.Frame {
        final double[][] s;
        final Frame[] loops;
        final double[][] scratch;

        Frame(double[][] s, Frame[] loops, double[][] scratch) {
            this.s = s;
            this.loops = loops;
            this.scratch = scratch;
        }
    }

    private final Kernel[] kernels;
    private final LoopKernel[] loops;
    private final double[][] constants;
    private final int[] owned;
    private final int[] inputs;
    private final int[] inputSizes;
    private final int[] outputs;

    /**
     * @param kernels the steps
     * @param loops the loop kernels among them, in the order of their frame index
     * @param constants per slot, the constant's values or null
     * @param owned per slot, the size of the array the slot owns, or -1 (inputs, aliases,
     *     constants)
     * @param inputs the input slots
     * @param inputSizes the number of elements of each input
     * @param outputs the output slots
     */
    HostProgram(
            Kernel[] kernels,
            LoopKernel[] loops,
            double[][] constants,
            int[] owned,
            int[] inputs,
            int[] inputSizes,
            int[] outputs) {
        this.kernels = kernels;
        this.loops = loops;
        this.constants = constants;
        this.owned = owned;
        this.inputs = inputs;
        this.inputSizes = inputSizes;
        this.outputs = outputs;
    }

    /**
     * Makes the working memory for one thread.
     *
     * @return a new frame
     */
    @Override
    public Frame newFrame() {
        return newFrame(null);
    }

    Frame newFrame(double[][] scratch) {
        double[][] s = new double[owned.length][];
        for (int i = 0; i < s.length; i++) {
            if (constants[i] != null) {
                s[i] = constants[i];
            } else if (owned[i] >= 0) {
                s[i] = new double[owned[i]];
            }
        }
        Frame[] sub = new Frame[loops.length];
        for (int i = 0; i < sub.length; i++) {
            sub[i] = loops[i].newFrame();
        }
        return new Frame(s, sub, scratch);
    }

    /**
     * Runs the program on inputs of the recorded sizes.
     *
     * @param frame a frame made by {@link #newFrame()}, used by one thread at a time
     * @param in the inputs, row-major; read, never written, and not kept after the run
     */
    @Override
    public void run(CompiledProgram.Frame frame, double[]... in) {
        Frame f = (Frame) frame;
        if (in.length != inputs.length) {
            throw new IllegalArgumentException(
                    "compiled program: takes " + inputs.length + " inputs, found " + in.length);
        }
        for (int i = 0; i < in.length; i++) {
            if (in[i].length != inputSizes[i]) {
                throw new IllegalArgumentException(
                        "compiled program: input "
                                + i
                                + " needs "
                                + inputSizes[i]
                                + " values, found "
                                + in[i].length);
            }
            f.s[inputs[i]] = in[i];
        }
        execute(f);
    }

    /** Runs every kernel, the inputs being bound already. */
    void execute(Frame f) {
        for (Kernel k : kernels) {
            k.run(f);
        }
    }

    /**
     * Returns an output of the last run in a frame: the frame's own array, valid until the frame's
     * next run.
     *
     * @param frame the frame
     * @param i the output's index
     * @return the values, row-major
     */
    @Override
    public double[] output(CompiledProgram.Frame frame, int i) {
        return ((Frame) frame).s[outputs[i]];
    }

    /**
     * Returns the number of kernels a run executes (not counting the steps inside loops).
     *
     * @return the kernel count
     */
    public int size() {
        return kernels.length;
    }

    /**
     * Describes the kernels, one per line (generated code as {@code generated(n steps)}, loops with
     * their bodies indented): what the compiler made of a program.
     *
     * @return the description
     */
    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        describe(sb, "");
        return sb.toString();
    }

    void describe(StringBuilder sb, String indent) {
        for (Kernel k : kernels) {
            sb.append(indent);
            if (k instanceof ScalarCodegen.Block b) {
                sb.append("generated(").append(b.steps()).append(" steps)\n");
            } else if (k instanceof MapCodegen.Fused m) {
                sb.append("generated map(")
                        .append(m.steps())
                        .append(" steps over ")
                        .append(m.length())
                        .append(" elements)\n");
            } else if (k instanceof LoopCodegen.FusedLoop l) {
                sb.append("generated loop(").append(l.steps()).append(" steps)\n");
            } else if (k instanceof LoopKernel l) {
                sb.append("loop\n");
                l.body().describe(sb, indent + "  ");
            } else {
                sb.append(k.getClass().getSimpleName()).append('\n');
            }
        }
    }

    int inputSlot(int i) {
        return inputs[i];
    }

    int outputSlot(int i) {
        return outputs[i];
    }
}
