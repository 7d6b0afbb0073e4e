package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Loop;
import dev.credence.api.tensor.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The compiler's view of a program: one node per value (inputs, constants, step results), in an
 * order where every node comes after its inputs. {@link Optimizer} rewrites it; {@link
 * HostCompiler} turns it into kernels, one slot per node.
 */
final class Graph {

    /** A value: an input, a constant, or the result of a primitive or a loop on other nodes. */
    static final class Node {
        final int id;
        final Primitive op;
        final Attributes attributes;
        final Loop loop;
        final int[] in;
        final Shape shape;
        final DType dtype;
        final double[] constant;
        final int input;

        private Node(
                int id,
                Primitive op,
                Attributes attributes,
                Loop loop,
                int[] in,
                Shape shape,
                DType dtype,
                double[] constant,
                int input) {
            this.id = id;
            this.op = op;
            this.attributes = attributes;
            this.loop = loop;
            this.in = in;
            this.shape = shape;
            this.dtype = dtype;
            this.constant = constant;
            this.input = input;
        }

        boolean isConstant() {
            return constant != null;
        }

        boolean isInput() {
            return input >= 0;
        }

        boolean isStep() {
            return op != null || loop != null;
        }

        /** Whether every element is exactly {@code v}. */
        boolean isConstantEqualTo(double v) {
            if (constant == null) {
                return false;
            }
            for (double c : constant) {
                if (Double.compare(c, v) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    final List<Node> nodes = new ArrayList<>();
    int[] inputs;
    int[] outputs;

    Node node(int id) {
        return nodes.get(id);
    }

    int addInput(int index, Shape shape, DType dtype) {
        return add(new Node(nodes.size(), null, null, null, new int[0], shape, dtype, null, index));
    }

    int addConstant(double[] values, Shape shape, DType dtype) {
        return add(new Node(nodes.size(), null, null, null, new int[0], shape, dtype, values, -1));
    }

    int addStep(
            Primitive op, Attributes attributes, Loop loop, int[] in, Shape shape, DType dtype) {
        return add(new Node(nodes.size(), op, attributes, loop, in, shape, dtype, null, -1));
    }

    private int add(Node n) {
        nodes.add(n);
        return n.id;
    }

    /**
     * Reads a program: its inputs (with the given shapes and dtypes, and values for the inputs
     * known to be constant), its constants (copied from the backend) and its steps.
     */
    static Graph of(
            Program p, Backend b, Shape[] inShapes, DType[] inTypes, double[][] knownInputs) {
        Graph g = new Graph();
        int[] slotNode = new int[p.slotCount()];
        Arrays.fill(slotNode, -1);
        int[] in = p.inputSlots();
        g.inputs = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            boolean known = knownInputs != null && knownInputs[i] != null;
            slotNode[in[i]] =
                    known
                            ? g.addConstant(knownInputs[i], inShapes[i], inTypes[i])
                            : g.addInput(i, inShapes[i], inTypes[i]);
            g.inputs[i] = slotNode[in[i]];
        }
        for (Map.Entry<Integer, Buffer> e : p.constants().entrySet()) {
            Buffer c = e.getValue();
            slotNode[e.getKey()] = g.addConstant(b.toDoubles(c), c.shape(), c.dtype());
        }
        for (Program.Step st : p.steps()) {
            int[] s = st.in();
            int[] ids = new int[s.length];
            for (int k = 0; k < s.length; k++) {
                ids[k] = slotNode[s[k]];
            }
            slotNode[st.out()] =
                    g.addStep(st.op(), st.attributes(), st.loop(), ids, st.shape(), st.dtype());
        }
        int[] out = p.outputSlots();
        g.outputs = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            g.outputs[i] = slotNode[out[i]];
        }
        return g;
    }

    /** Whether each node is needed by an output (the inputs always are). */
    boolean[] live() {
        boolean[] live = new boolean[nodes.size()];
        for (int o : outputs) {
            live[o] = true;
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (live[i]) {
                for (int k : nodes.get(i).in) {
                    live[k] = true;
                }
            }
        }
        for (int i : inputs) {
            live[i] = true;
        }
        return live;
    }
}
