package dev.credence.compiler;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Loop;
import dev.credence.api.tensor.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a recorded {@link Program} into a {@link HostProgram}: every step becomes a kernel over
 * plain {@code double[]} slots, laid out once, so that a run makes no backend call, creates no
 * buffer and allocates nothing. For the small, scalar-heavy programs of most statistical models (an
 * HMC potential's value and gradient), the cost of dispatching a primitive through the backend SPI
 * and allocating its result exceeds the arithmetic; a compiled run pays neither.
 *
 * <pre>{@code
 * HostProgram hp = HostCompiler.compile(program, backend,
 *         new Shape[] {Shape.of(d)}, new DType[] {DType.FLOAT64});
 * }</pre>
 *
 * <p>What it does to the program:
 *
 * <ul>
 *   <li>Reshapes, and casts that keep every value, become aliases: the result's slot points at the
 *       input's array.
 *   <li>Permutations, broadcasts and slices become one indexed copy through offsets computed here;
 *       a slice of contiguous elements is one {@code arraycopy}.
 *   <li>Binary operations with a scalar or a same-shaped operand run without index arrays.
 *   <li>A {@link Loop} (a scan, and the loop that is its gradient) compiles its body the same way
 *       and runs it once per step in a frame of its own ({@link LoopKernel}).
 * </ul>
 *
 * <p>Values are computed as the pure-Java backend computes them, in the same order (see each kernel
 * family), so on that backend a compiled run reproduces a replayed one; callers still check a
 * compiled program against a direct evaluation before trusting it ({@code
 * dev.credence.api.model.CompiledPotential} does). FLOAT64, INT32 and BOOL values are supported
 * (integers and booleans are held exactly as doubles); a program with FLOAT32 values is refused.
 */
public final class HostCompiler {
    private HostCompiler() {}

    /**
     * Compiles a program.
     *
     * @param p the program
     * @param b the backend that owns the program's constants (read once, here)
     * @param inputShapes the shape of each input, in {@link Program#inputSlots()} order
     * @param inputTypes the dtype of each input
     * @return the compiled program
     * @throws UnsupportedOperationException with the reason, if the program cannot be compiled
     */
    public static HostProgram compile(
            Program p, Backend b, Shape[] inputShapes, DType[] inputTypes) {
        return compile(p, b, inputShapes, inputTypes, null, Codegen.AUTO);
    }

    /** When steps become generated code ({@link ScalarCodegen}) rather than kernels. */
    enum Codegen {
        /** Never: every step is a kernel. */
        OFF,
        /** Runs of two or more small steps, unless {@code credence.codegen=false}. */
        AUTO,
        /** Every run of small steps, single steps included (for tests). */
        ALWAYS
    }

    /**
     * Compiles a program, some of whose inputs may be known constants ({@code known[i]} non-null):
     * a loop's body whose captures are constants of the enclosing program, say.
     */
    static HostProgram compile(
            Program p,
            Backend b,
            Shape[] inputShapes,
            DType[] inputTypes,
            double[][] known,
            Codegen codegen) {
        if (p.notReplayableReason() != null) {
            throw new UnsupportedOperationException(p.notReplayableReason());
        }
        int[] in = p.inputSlots();
        if (inputShapes.length != in.length || inputTypes.length != in.length) {
            throw new IllegalArgumentException(
                    "host compiler: the program takes "
                            + in.length
                            + " inputs, found "
                            + inputShapes.length
                            + " shapes and "
                            + inputTypes.length
                            + " dtypes");
        }
        for (int i = 0; i < in.length; i++) {
            supported(inputTypes[i], "input " + i);
        }
        for (Buffer c : p.constants().values()) {
            supported(c.dtype(), "a constant");
        }
        for (Program.Step st : p.steps()) {
            supported(st.dtype(), stepName(st));
        }
        Graph g = Optimizer.optimize(Graph.of(p, b, inputShapes, inputTypes, known));
        int[] inputSizes = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            inputSizes[i] = inputShapes[i].size();
        }
        return compile(g, inputSizes, b, codegen);
    }

    /** Chooses the kernels of an optimised graph. */
    private static HostProgram compile(Graph g, int[] inputSizes, Backend b, Codegen codegen) {
        int n = g.nodes.size();
        boolean[] live = g.live();
        Shape[] shape = new Shape[n];
        DType[] type = new DType[n];
        double[][] constants = new double[n][];
        int[] owned = new int[n];
        java.util.Arrays.fill(owned, -1);
        int[] group = generatedRuns(g, live, codegen);
        boolean[] stored = new boolean[n];
        for (Graph.Node node : g.nodes) {
            if (live[node.id]) {
                for (int i : node.in) {
                    stored[i] |= group[i] != -1 && group[i] != group[node.id];
                }
            }
        }
        for (int o : g.outputs) {
            stored[o] |= group[o] != -1;
        }
        List<Kernel> kernels = new ArrayList<>();
        List<LoopKernel> loops = new ArrayList<>();
        List<Graph.Node> run = new ArrayList<>();
        for (Graph.Node node : g.nodes) {
            shape[node.id] = node.shape;
            type[node.id] = node.dtype;
            if (!live[node.id] || node.isInput()) {
                continue;
            }
            if (node.isConstant()) {
                constants[node.id] = node.constant;
                continue;
            }
            if (group[node.id] != -1) {
                if (!run.isEmpty() && group[run.get(0).id] != group[node.id]) {
                    kernels.add(generate(g, run, stored, group));
                    run.clear();
                }
                run.add(node);
                if (stored[node.id]) {
                    owned[node.id] = node.shape.size();
                }
                continue;
            }
            if (!run.isEmpty()) {
                kernels.add(generate(g, run, stored, group));
                run.clear();
            }
            Kernel k =
                    node.loop != null
                            ? loop(node, g, shape, type, b, loops, codegen)
                            : KernelChoice.kernel(
                                    node.op,
                                    node.attributes,
                                    node.in,
                                    node.id,
                                    node.shape,
                                    node.dtype,
                                    shape,
                                    type);
            if (!(k instanceof MovementKernels.Alias)) {
                owned[node.id] = node.shape.size();
            }
            kernels.add(k);
        }
        if (!run.isEmpty()) {
            kernels.add(generate(g, run, stored, group));
        }
        return new HostProgram(
                kernels.toArray(new Kernel[0]),
                loops.toArray(new LoopKernel[0]),
                constants,
                owned,
                g.inputs,
                inputSizes,
                g.outputs);
    }

    /** The generated code of a run: a loop over long vectors, or straight-line code. */
    private static Kernel generate(Graph g, List<Graph.Node> run, boolean[] stored, int[] group) {
        return group[run.get(0).id] < -1
                ? MapCodegen.generate(g, run, stored)
                : ScalarCodegen.generate(g, run, stored);
    }

    /**
     * Assigns steps to generated code: runs over long vectors to {@link MapCodegen} (numbered -2,
     * -3, ...), then runs of consecutive small steps to {@link ScalarCodegen} (0, 1, ...); -1 for
     * nodes left to kernels.
     */
    private static int[] generatedRuns(Graph g, boolean[] live, Codegen codegen) {
        int[] group = new int[g.nodes.size()];
        java.util.Arrays.fill(group, -1);
        if (!generates(codegen)) {
            return group;
        }
        int[] maps = MapCodegen.runs(g, live);
        for (int i = 0; i < group.length; i++) {
            if (maps[i] >= 0) {
                group[i] = -2 - maps[i];
            }
        }
        scalarRuns(g, live, codegen, group);
        return group;
    }

    /**
     * Assigns runs of consecutive small steps, among those not in a loop run, to generated code
     * ({@link ScalarCodegen}). A run is cut where its estimated code would pass the budget; a run
     * of one step keeps its kernel.
     */
    private static void scalarRuns(Graph g, boolean[] live, Codegen codegen, int[] group) {
        int least = codegen == Codegen.ALWAYS ? 1 : 2;
        int runs = 0;
        int current = -1;
        int budget = 0;
        List<Integer> members = new ArrayList<>();
        for (Graph.Node node : g.nodes) {
            if (!live[node.id] || !node.isStep()) {
                continue;
            }
            if (group[node.id] < -1 || !ScalarCodegen.supports(g, node)) {
                current = closeRun(group, members, least);
                continue;
            }
            int c = ScalarCodegen.cost(g, node);
            if (current < 0 || budget + c > ScalarCodegen.BUDGET) {
                closeRun(group, members, least);
                current = runs++;
                budget = 0;
            }
            group[node.id] = current;
            members.add(node.id);
            budget += c;
        }
        closeRun(group, members, least);
    }

    private static boolean generates(Codegen codegen) {
        return codegen == Codegen.ALWAYS
                || (codegen == Codegen.AUTO
                        && Boolean.parseBoolean(System.getProperty("credence.codegen", "true")));
    }

    /** Ends a run; a run shorter than {@code least} goes back to kernels. Returns -1. */
    private static int closeRun(int[] group, List<Integer> members, int least) {
        if (members.size() < least) {
            for (int id : members) {
                group[id] = -1;
            }
        }
        members.clear();
        return -1;
    }

    private static String stepName(Program.Step st) {
        return st.loop() != null ? "a loop" : "a " + st.op().opName() + " step";
    }

    private static DType supported(DType t, String where) {
        if (t == DType.FLOAT32) {
            throw new UnsupportedOperationException(
                    "the host compiler computes in FLOAT64, INT32 and BOOL; "
                            + where
                            + " is FLOAT32");
        }
        return t;
    }

    private static Kernel loop(
            Graph.Node node,
            Graph g,
            Shape[] shape,
            DType[] type,
            Backend b,
            List<LoopKernel> loops,
            Codegen codegen) {
        Loop loop = node.loop;
        int[] in = node.in;
        int m = loop.sequenceCount();
        Shape[] bodyShapes = new Shape[in.length];
        DType[] bodyTypes = new DType[in.length];
        double[][] known = new double[in.length][];
        bodyShapes[0] = loop.carryShape();
        bodyTypes[0] = loop.dtype();
        int[] sequences = new int[m];
        int[] rowSizes = new int[m];
        for (int i = 0; i < m; i++) {
            int[] d = shape[in[1 + i]].dims();
            bodyShapes[1 + i] = Shape.of(java.util.Arrays.copyOfRange(d, 1, d.length));
            bodyTypes[1 + i] = type[in[1 + i]];
            sequences[i] = in[1 + i];
            rowSizes[i] = bodyShapes[1 + i].size();
        }
        int[] captures = new int[in.length - 1 - m];
        for (int j = 0; j < captures.length; j++) {
            int id = in[1 + m + j];
            bodyShapes[1 + m + j] = shape[id];
            bodyTypes[1 + m + j] = type[id];
            known[1 + m + j] = g.node(id).constant;
            captures[j] = id;
        }
        Graph bg = Optimizer.optimize(Graph.of(loop.body(), b, bodyShapes, bodyTypes, known));
        if (generates(codegen)) {
            Kernel fused =
                    LoopCodegen.generate(
                            bg,
                            bg.live(),
                            new LoopCodegen.Slots(
                                    in[0],
                                    sequences,
                                    rowSizes,
                                    captures,
                                    node.id,
                                    loop.length(),
                                    loop.reverse(),
                                    loop.carryShape().size()));
            if (fused != null) {
                return fused;
            }
        }
        int[] bodySizes = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            bodySizes[i] = bodyShapes[i].size();
        }
        for (Program.Step st : loop.body().steps()) {
            supported(st.dtype(), stepName(st));
        }
        HostProgram body = compile(bg, bodySizes, b, codegen);
        LoopKernel k =
                new LoopKernel(
                        body,
                        loops.size(),
                        in[0],
                        sequences,
                        rowSizes,
                        captures,
                        node.id,
                        loop.length(),
                        loop.reverse(),
                        loop.carryShape().size());
        loops.add(k);
        return k;
    }
}
