package dev.credence.compiler;

/**
 * A {@link dev.credence.api.tensor.Loop} compiled for the host: its body is a {@link HostProgram}
 * run once per step in a frame of its own, the carry and the current rows in arrays of that frame,
 * the captures bound to the enclosing frame's arrays once per run. Each step copies the rows in,
 * runs the body's kernels and copies the new carry out to its row of the result, so a recurrence
 * costs its body's arithmetic and a few small copies per step.
 */
final class LoopKernel implements Kernel {
    private final HostProgram body;
    private final int index;
    private final int init;
    private final int[] sequences;
    private final int[] rowSizes;
    private final int[] captures;
    private final int y;
    private final int length;
    private final boolean reverse;
    private final int carrySize;

    /**
     * @param body the compiled body: inputs carry, one row per sequence, captures
     * @param index this loop's place among the enclosing program's loop frames
     * @param init the enclosing slot of the initial carry
     * @param sequences the enclosing slots of the sequences
     * @param rowSizes the number of elements of one row of each sequence
     * @param captures the enclosing slots of the captures
     * @param y the enclosing slot of the result
     * @param length the number of steps
     * @param reverse whether to run from the last row to the first
     * @param carrySize the number of elements of the carry
     */
    LoopKernel(
            HostProgram body,
            int index,
            int init,
            int[] sequences,
            int[] rowSizes,
            int[] captures,
            int y,
            int length,
            boolean reverse,
            int carrySize) {
        this.body = body;
        this.index = index;
        this.init = init;
        this.sequences = sequences;
        this.rowSizes = rowSizes;
        this.captures = captures;
        this.y = y;
        this.length = length;
        this.reverse = reverse;
        this.carrySize = carrySize;
    }

    HostProgram body() {
        return body;
    }

    /** The body's frame, with scratch arrays for the carry and the current rows. */
    HostProgram.Frame newFrame() {
        double[][] scratch = new double[1 + sequences.length][];
        scratch[0] = new double[carrySize];
        for (int i = 0; i < sequences.length; i++) {
            scratch[1 + i] = new double[rowSizes[i]];
        }
        return body.newFrame(scratch);
    }

    @Override
    public void run(HostProgram.Frame f) {
        HostProgram.Frame b = f.loops[index];
        double[][] bs = b.s;
        double[] carry = b.scratch[0];
        System.arraycopy(f.s[init], 0, carry, 0, carrySize);
        bs[body.inputSlot(0)] = carry;
        int m = sequences.length;
        for (int i = 0; i < m; i++) {
            bs[body.inputSlot(1 + i)] = b.scratch[1 + i];
        }
        for (int j = 0; j < captures.length; j++) {
            bs[body.inputSlot(1 + m + j)] = f.s[captures[j]];
        }
        int out = body.outputSlot(0);
        double[] result = f.s[y];
        for (int s = 0; s < length; s++) {
            int t = reverse ? length - 1 - s : s;
            for (int i = 0; i < m; i++) {
                int r = rowSizes[i];
                System.arraycopy(f.s[sequences[i]], t * r, b.scratch[1 + i], 0, r);
            }
            body.execute(b);
            double[] next = bs[out];
            System.arraycopy(next, 0, result, t * carrySize, carrySize);
            if (next != carry) {
                System.arraycopy(next, 0, carry, 0, carrySize);
            }
        }
    }
}
