package dev.credence.compiler;

/**
 * Generates one JVM method for a whole {@link dev.credence.api.tensor.Loop} whose body is small
 * enough for {@link ScalarCodegen}: the carry lives in local variables across iterations, the
 * captures are loaded once before the loop, each iteration reads its rows straight from the
 * sequences' arrays and writes its carry to its row of the result. A recurrence such as GARCH's
 * volatility or an ARMA model's errors then runs as a counted loop of register arithmetic, with no
 * call, copy or dispatch per step.
 *
 * <p>The body is compiled from its own optimised {@link Graph} (inputs: the carry, one row per
 * sequence, the captures), in the same order of operations as the kernels, so the result is the
 * same bit for bit as {@link LoopKernel}'s.
 */
final class LoopCodegen {
    private LoopCodegen() {}

    /** A loop compiled to one generated method. */
    record FusedLoop(ScalarCodegen.Code code, int steps) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            code.run(f.s);
        }
    }

    /** Where a loop's values live in the enclosing program's slots. */
    record Slots(
            int init,
            int[] sequences,
            int[] rowSizes,
            int[] captures,
            int result,
            int length,
            boolean reverse,
            int carrySize) {}

    /**
     * Generates the loop, or returns null if some step of its body cannot be generated or the
     * method would be too large for the JIT.
     *
     * @param body the body's optimised graph
     * @param live which of its nodes the output needs
     * @param s the enclosing slots
     * @return the kernel, or null
     */
    static Kernel generate(Graph body, boolean[] live, Slots s) {
        int cost = 16 * (2 * s.carrySize() + s.captures().length);
        int steps = 0;
        for (Graph.Node n : body.nodes) {
            if (!live[n.id] || !n.isStep()) {
                continue;
            }
            if (!ScalarCodegen.supports(body, n)) {
                return null;
            }
            cost += ScalarCodegen.cost(body, n);
            steps++;
        }
        for (int j = 0; j < s.captures().length; j++) {
            Graph.Node c = body.node(body.inputs[1 + s.sequences().length + j]);
            cost += c.isConstant() ? 0 : 16 * c.shape.size();
        }
        if (cost > ScalarCodegen.BUDGET) {
            return null;
        }
        ClassAssembler asm = new ClassAssembler();
        ScalarCodegen c = new ScalarCodegen(body, asm);
        int carry = s.carrySize();
        int[] state = new int[carry];
        for (int k = 0; k < carry; k++) {
            state[k] = c.loadSlot(s.init(), k);
        }
        c.bind(body.inputs[0], state);
        int m = s.sequences().length;
        for (int i = 0; i < m; i++) {
            c.bindRow(body.inputs[1 + i], s.sequences()[i], s.rowSizes()[i]);
        }
        for (int j = 0; j < s.captures().length; j++) {
            Graph.Node in = body.node(body.inputs[1 + m + j]);
            if (in.isConstant()) {
                continue;
            }
            int[] values = new int[in.shape.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = c.loadSlot(s.captures()[j], k);
            }
            c.bind(in.id, values);
        }
        int n = s.length();
        asm.loopHead(s.reverse() ? n - 1 : 0, s.reverse() ? -1 : n, c.locals());
        for (Graph.Node node : body.nodes) {
            if (live[node.id] && node.isStep()) {
                c.define(node);
            }
        }
        int out = body.outputs[0];
        int[] next = new int[carry];
        for (int k = 0; k < carry; k++) {
            next[k] = c.copy(c.element(out, k));
        }
        for (int k = 0; k < carry; k++) {
            c.storeRow(s.result(), carry, k, next[k]);
            c.assign(state[k], next[k]);
        }
        asm.loopEnd(s.reverse() ? -1 : 1);
        return new FusedLoop(c.finish(), steps);
    }
}
