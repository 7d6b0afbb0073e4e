package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Loop;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Rewrites a {@link Graph} in one forward pass, before kernels are chosen. Every rewrite gives the
 * same values bit for bit:
 *
 * <ul>
 *   <li><b>Constant folding</b>: a step whose inputs are all constants is computed once, here, by
 *       its own kernel (the data-only parts of a model, such as slicing or centring the data).
 *   <li><b>Common subexpressions</b>: a step equal to an earlier one (same primitive, attributes
 *       and inputs) reuses its value.
 *   <li><b>Broadcasts</b>: an elementwise operand made by {@code broadcastTo} is read unbroadcast,
 *       since elementwise kernels broadcast themselves (a log density's scale broadcast to every
 *       row, say); a unary function of a broadcast is computed before broadcasting ({@code
 *       log(broadcast(sigma))} becomes {@code broadcast(log(sigma))}, one logarithm instead of one
 *       per row); broadcasts and reshapes of their own kind collapse.
 *   <li><b>Identities</b>: multiplying or dividing by a constant 1 (the seed of a backward pass)
 *       and negating twice are dropped.
 * </ul>
 *
 * Dead nodes are left for {@link Graph#live()} to skip.
 */
final class Optimizer {
    private final Graph in;
    private final Graph out = new Graph();
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<Loop, Integer> loops = new IdentityHashMap<>();

    private Optimizer(Graph in) {
        this.in = in;
    }

    static Graph optimize(Graph g) {
        return new Optimizer(g).run();
    }

    private Graph run() {
        int[] map = new int[in.nodes.size()];
        for (Graph.Node n : in.nodes) {
            if (n.isInput()) {
                map[n.id] = out.addInput(n.input, n.shape, n.dtype);
            } else if (n.isConstant()) {
                map[n.id] = out.addConstant(n.constant, n.shape, n.dtype);
            } else {
                int[] ids = new int[n.in.length];
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = map[n.in[k]];
                }
                map[n.id] = emit(n.op, n.attributes, n.loop, ids, n.shape, n.dtype);
            }
        }
        out.inputs = remap(in.inputs, map);
        out.outputs = remap(in.outputs, map);
        return out;
    }

    private static int[] remap(int[] ids, int[] map) {
        int[] r = new int[ids.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = map[ids[i]];
        }
        return r;
    }

    private Graph.Node node(int id) {
        return out.node(id);
    }

    private boolean isBroadcast(int id) {
        return node(id).op == Primitive.BROADCAST_TO;
    }

    /** Adds a step to the output graph, or finds a value that equals it. */
    private int emit(Primitive op, Attributes a, Loop loop, int[] ids, Shape shape, DType dt) {
        if (loop == null) {
            Integer r = rewrite(op, ids, shape, dt);
            if (r != null) {
                return r;
            }
            if (op != Primitive.BROADCAST_TO && allConstant(ids)) {
                return out.addConstant(Folding.fold(op, a, ids, out, shape, dt), shape, dt);
            }
        }
        String key =
                (loop != null
                                ? "loop#" + loops.computeIfAbsent(loop, l -> loops.size())
                                : op + "(" + a + ")")
                        + Arrays.toString(ids)
                        + dt
                        + shape;
        Integer earlier = seen.get(key);
        if (earlier != null) {
            return earlier;
        }
        int id = out.addStep(op, a, loop, ids, shape, dt);
        seen.put(key, id);
        return id;
    }

    /** The rules; each returns the value to use, or null to keep the step (with ids updated). */
    private Integer rewrite(Primitive op, int[] ids, Shape shape, DType dt) {
        switch (op.family()) {
            case UNARY -> {
                Graph.Node x = node(ids[0]);
                if (op == Primitive.NEG && x.op == Primitive.NEG) {
                    return x.in[0];
                }
                if (x.op == Primitive.BROADCAST_TO) {
                    Graph.Node src = node(x.in[0]);
                    int u = emit(op, Attributes.NONE, null, new int[] {src.id}, src.shape, dt);
                    return emit(
                            Primitive.BROADCAST_TO,
                            Attributes.NONE,
                            null,
                            new int[] {u},
                            shape,
                            dt);
                }
            }
            case BINARY, COMPARE, SELECT -> {
                for (int k = 0; k < ids.length; k++) {
                    if (isBroadcast(ids[k])) {
                        ids[k] = node(ids[k]).in[0];
                    }
                }
                if (op == Primitive.MUL || op == Primitive.DIV) {
                    Graph.Node x = node(ids[0]);
                    Graph.Node y = node(ids[1]);
                    if (y.isConstantEqualTo(1) && x.shape.equals(shape) && x.dtype == dt) {
                        return x.id;
                    }
                    if (op == Primitive.MUL
                            && x.isConstantEqualTo(1)
                            && y.shape.equals(shape)
                            && y.dtype == dt) {
                        return y.id;
                    }
                }
            }
            case MOVEMENT -> {
                Graph.Node x = node(ids[0]);
                if ((op == Primitive.BROADCAST_TO || op == Primitive.RESHAPE) && x.op == op) {
                    ids[0] = x.in[0];
                    x = node(ids[0]);
                }
                if ((op == Primitive.BROADCAST_TO || op == Primitive.RESHAPE)
                        && x.shape.equals(shape)) {
                    return x.id;
                }
            }
            default -> {}
        }
        return null;
    }

    private boolean allConstant(int[] ids) {
        for (int id : ids) {
            if (!node(id).isConstant()) {
                return false;
            }
        }
        return true;
    }
}
