package dev.credence.api.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backward pass: walks the tape from an output back to a set of variables, applying each node's
 * vector-Jacobian rule ({@link VjpRules}) and summing cotangents where paths meet.
 *
 * <p>Only nodes between the output and the variables are visited, and a variable's own inputs are
 * not explored, which confines a nested backward pass (a gradient of a gradient) to its own
 * variables. Scratch state lives in the nodes, keyed by a pass id, so a pass allocates no maps.
 */
final class Backprop {
    private Backprop() {}

    private static final AtomicLong PASSES = new AtomicLong();

    static List<Tensor> run(Tensor y, Tensor seed, List<Tensor> vars, boolean createGraph) {
        long pass = PASSES.incrementAndGet();
        for (Tensor v : vars) {
            if (v.node() == null) {
                throw new IllegalArgumentException(
                        "backward: every argument must be a variable (Autodiff.variable)");
            }
            TapeNode n = v.node();
            n.pass = pass;
            n.target = true;
            n.relevant = true;
            n.cotangent = null;
        }
        List<TapeNode> order = relevantNodes(y.node(), pass);
        boolean before = GradMode.setRecording(createGraph);
        try {
            if (y.node() != null && !order.isEmpty()) {
                y.node().cotangent = seed;
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                TapeNode n = order.get(i);
                if (n.target) {
                    continue;
                }
                Tensor g = n.cotangent;
                n.cotangent = null;
                if (g == null) {
                    continue;
                }
                Tensor[] in = n.inputs();
                Tensor[] gin = n.isVariable() ? new Tensor[] {g} : VjpRules.vjp(n, g);
                for (int k = 0; k < in.length; k++) {
                    TapeNode child = in[k].node();
                    if (child == null || gin[k] == null || child.pass != pass || !child.relevant) {
                        continue;
                    }
                    Tensor prev = child.cotangent;
                    child.cotangent = prev == null ? gin[k] : prev.add(gin[k]);
                }
            }
        } finally {
            GradMode.setRecording(before);
        }
        List<Tensor> out = new ArrayList<>(vars.size());
        for (Tensor v : vars) {
            Tensor g = v.node().cotangent;
            out.add(g == null ? v.detach().zerosLike() : g);
        }
        for (Tensor v : vars) {
            v.node().cotangent = null;
            v.node().target = false;
        }
        return out;
    }

    /**
     * Returns, in topological order (inputs before outputs), the nodes between {@code root} and the
     * targets of this pass: nodes from which some target is reachable. Targets' own inputs are not
     * explored.
     */
    private static List<TapeNode> relevantNodes(TapeNode root, long pass) {
        List<TapeNode> order = new ArrayList<>();
        if (root == null) {
            return order;
        }
        TapeNode[] stack = new TapeNode[64];
        int[] next = new int[64];
        int top = 0;
        stack[0] = root;
        next[0] = 0;
        if (root.pass != pass) {
            visit(root, pass);
        } else if (root.target) {
            order.add(root);
            return order;
        }
        Tensor[] none = new Tensor[0];
        while (top >= 0) {
            TapeNode n = stack[top];
            Tensor[] in = n.target ? none : n.inputs();
            int i = next[top];
            while (i < in.length && (in[i].node() == null || in[i].node().pass == pass)) {
                i++;
            }
            if (i < in.length) {
                next[top] = i + 1;
                TapeNode c = in[i].node();
                visit(c, pass);
                if (++top == stack.length) {
                    stack = Arrays.copyOf(stack, 2 * top);
                    next = Arrays.copyOf(next, 2 * top);
                }
                stack[top] = c;
                next[top] = 0;
                continue;
            }
            top--;
            boolean r = n.target;
            for (Tensor t : in) {
                TapeNode c = t.node();
                if (c != null && c.pass == pass && c.relevant) {
                    r = true;
                }
            }
            n.relevant = r;
            if (r) {
                order.add(n);
            }
        }
        return order;
    }

    private static void visit(TapeNode n, long pass) {
        n.pass = pass;
        n.target = false;
        n.relevant = false;
        n.cotangent = null;
    }
}
