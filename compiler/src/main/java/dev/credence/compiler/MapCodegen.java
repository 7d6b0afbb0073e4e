package dev.credence.compiler;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuses a run of elementwise steps over long vectors into one generated counted loop: each
 * iteration computes element {@code i} of every value of the run in locals, reading the vectors
 * that come from outside at {@code i}, and writing element {@code i} only of the values needed
 * outside; sums and maxima over whole vectors are accumulated in locals across iterations; scalar
 * operands (parameters, and scalar steps of the run such as {@code log(sigma)}) are computed once
 * before the loop. A model's likelihood over {@code N} data points, forward and backward, then
 * costs a few passes over the data instead of one pass (with its loads and stores) per operation.
 *
 * <p>Every element is computed by the same operations as the kernels compute it, and a sum adds its
 * elements in index order from 0, as the kernel does, so the results are the kernels' bit for bit.
 * The loop is emitted through {@link ScalarCodegen} with a {@link ClassAssembler} loop.
 *
 * <p>A run is a sequence of consecutive steps (in the graph's order) whose results have {@code N}
 * elements (operands of {@code N} elements in the same order, or of one), whole reductions of such
 * values, or scalar steps on scalars; a step that reads a reduction of the same run ends it (the
 * reduction is only known after the loop).
 */
final class MapCodegen {
    private MapCodegen() {}

    /** A run compiled to one generated loop over {@code length} elements. */
    record Fused(ScalarCodegen.Code code, int steps, int length) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            code.run(f.s);
        }
    }

    /** What a step is in a run over {@code length} elements. */
    private enum Role {
        /** Not allowed in the run. */
        NONE,
        /** Element {@code i} computed in iteration {@code i}. */
        ELEMENT,
        /** A whole sum or maximum, accumulated across iterations. */
        REDUCE,
        /** A scalar computed once before the loop. */
        SCALAR
    }

    /**
     * Assigns runs of consecutive steps to generated loops: the run of each node, or -1.
     *
     * @param g the graph
     * @param live which nodes are needed
     * @return per node, its run or -1
     */
    static int[] runs(Graph g, boolean[] live) {
        int[] group = new int[g.nodes.size()];
        java.util.Arrays.fill(group, -1);
        int runs = 0;
        int current = -1;
        int length = 0;
        int cost = 0;
        int longMembers = 0;
        List<Integer> members = new ArrayList<>();
        Set<Integer> reductions = new HashSet<>();
        for (Graph.Node n : g.nodes) {
            if (!live[n.id] || !n.isStep()) {
                continue;
            }
            Role r = current >= 0 ? role(g, n, length) : Role.NONE;
            boolean readsReduction = false;
            for (int i : n.in) {
                readsReduction |= reductions.contains(i);
            }
            int c = 24 + 16 * n.in.length;
            if (current >= 0 && (r == Role.NONE || readsReduction || cost + c > BUDGET)) {
                close(group, members, longMembers);
                current = -1;
            }
            if (current < 0) {
                int len = startLength(g, n);
                if (len < 0) {
                    continue;
                }
                current = runs++;
                length = len;
                cost = 0;
                longMembers = 0;
                reductions.clear();
                r = role(g, n, len);
            }
            group[n.id] = current;
            members.add(n.id);
            cost += c;
            if (r != Role.SCALAR) {
                longMembers++;
            }
            if (r == Role.REDUCE) {
                reductions.add(n.id);
            }
        }
        close(group, members, longMembers);
        return group;
    }

    /** The estimated code size at which a run is cut. */
    private static final int BUDGET = ScalarCodegen.BUDGET;

    /** Keeps a run of at least two steps over long vectors; gives back the others. */
    private static void close(int[] group, List<Integer> members, int longMembers) {
        if (longMembers < 2) {
            for (int id : members) {
                group[id] = -1;
            }
        }
        members.clear();
    }

    /** The length of a run this step could start, or -1. */
    private static int startLength(Graph g, Graph.Node n) {
        int size = n.shape.size();
        if (size > ScalarCodegen.MAX_ELEMENTS && role(g, n, size) == Role.ELEMENT) {
            return size;
        }
        if (n.op == Primitive.SUM || n.op == Primitive.MAX) {
            int in = g.node(n.in[0]).shape.size();
            if (in > ScalarCodegen.MAX_ELEMENTS && role(g, n, in) == Role.REDUCE) {
                return in;
            }
        }
        return -1;
    }

    private static Role role(Graph g, Graph.Node n, int length) {
        if (n.loop != null || n.dtype == DType.FLOAT32) {
            return Role.NONE;
        }
        int size = n.shape.size();
        for (int i : n.in) {
            if (g.node(i).dtype == DType.FLOAT32) {
                return Role.NONE;
            }
        }
        boolean scalarInputs = true;
        for (int i : n.in) {
            scalarInputs &= g.node(i).shape.size() == 1;
        }
        boolean elementwise =
                switch (n.op.family()) {
                    case UNARY, BINARY, COMPARE, SELECT -> true;
                    case MOVEMENT ->
                            n.op == Primitive.RESHAPE
                                    || n.op == Primitive.CAST
                                    || n.op == Primitive.BROADCAST_TO;
                    default -> false;
                };
        if (size == 1 && scalarInputs) {
            return ScalarCodegen.supports(g, n) ? Role.SCALAR : Role.NONE;
        }
        if (elementwise && size == length) {
            boolean reshape = n.op == Primitive.RESHAPE;
            for (int i : n.in) {
                Shape s = g.node(i).shape;
                if (s.size() != 1 && (s.size() != length || !(reshape || inOrder(s, n.shape)))) {
                    return Role.NONE;
                }
            }
            return Role.ELEMENT;
        }
        if ((n.op == Primitive.SUM || n.op == Primitive.MAX)
                && size == 1
                && g.node(n.in[0]).shape.size() == length) {
            return Role.REDUCE;
        }
        return Role.NONE;
    }

    /**
     * Whether element {@code k} of a value of shape {@code s} is element {@code k} of {@code to}.
     */
    private static boolean inOrder(Shape s, Shape to) {
        if (s.equals(to)) {
            return true;
        }
        if (s.size() != to.size() || s.rank() > to.rank()) {
            return false;
        }
        int[] off = Offsets.broadcast(s, to);
        for (int k = 0; k < off.length; k++) {
            if (off[k] != k) {
                return false;
            }
        }
        return true;
    }

    /**
     * Generates the loop of a run.
     *
     * @param g the graph
     * @param run the run's steps, in order
     * @param stored whether each node's value must be stored to its slot (used outside the run)
     * @return the kernel
     */
    static Kernel generate(Graph g, List<Graph.Node> run, boolean[] stored) {
        int length = 0;
        for (Graph.Node n : run) {
            int len = startLength(g, n);
            if (len > 0) {
                length = len;
                break;
            }
        }
        ClassAssembler asm = new ClassAssembler();
        ScalarCodegen c = new ScalarCodegen(g, asm);
        Set<Integer> members = new HashSet<>();
        for (Graph.Node n : run) {
            members.add(n.id);
        }
        Set<Integer> bound = new HashSet<>();
        for (Graph.Node n : run) {
            for (int i : n.in) {
                Graph.Node x = g.node(i);
                if (members.contains(i) || !bound.add(i)) {
                    continue;
                }
                if (x.shape.size() == length && length != 1) {
                    c.bindRow(i, i, 1);
                } else if (!x.isConstant()) {
                    int[] values = new int[x.shape.size()];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = c.loadSlot(i, k);
                    }
                    c.bind(i, values);
                }
            }
        }
        List<Graph.Node> inLoop = new ArrayList<>();
        for (Graph.Node n : run) {
            Role r = role(g, n, length);
            if (r == Role.SCALAR) {
                c.define(n);
            } else if (r == Role.REDUCE) {
                asm.pushDouble(n.op == Primitive.MAX ? Double.NEGATIVE_INFINITY : 0);
                c.bind(n.id, new int[] {c.fresh()});
                inLoop.add(n);
            } else {
                inLoop.add(n);
            }
        }
        asm.loopHead(0, length, c.locals());
        for (Graph.Node n : inLoop) {
            if (n.op == Primitive.SUM || n.op == Primitive.MAX) {
                if (role(g, n, length) == Role.REDUCE) {
                    int acc = c.element(n.id, 0);
                    asm.dload(acc);
                    asm.dload(c.element(n.in[0], 0));
                    if (n.op == Primitive.MAX) {
                        asm.invokeStatic(ScalarCodegen.SELF + "ScalarOps", "maxCombine", "(DD)D");
                    } else {
                        asm.arithmetic(ClassAssembler.DADD);
                    }
                    asm.dstore(acc);
                    continue;
                }
            }
            int l = c.elementOf(n);
            c.bind(n.id, new int[] {l});
            if (stored[n.id]) {
                c.storeRow(n.id, 1, 0, l);
            }
        }
        asm.loopEnd(1);
        for (Graph.Node n : run) {
            if (stored[n.id] && role(g, n, length) != Role.ELEMENT) {
                c.store(n.id, c.values(n.id));
            }
        }
        return new Fused(c.finish(), run.size(), length);
    }
}
