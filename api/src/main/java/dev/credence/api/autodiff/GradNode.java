package dev.credence.api.autodiff;

import dev.credence.api.tensor.Tensor;

/**
 * One recorded operation on the tape: the primitive, its inputs and attributes, and the tensor it
 * produced. Nodes form a graph from outputs back to variables that {@link Autodiff} walks in
 * reverse.
 *
 * <p>{@link Tensor} creates nodes through {@link #record}; user code reads them only through {@link
 * Tensor#node()} to ask whether a tensor is tracked.
 */
public final class GradNode {
    private final Primitive op;
    private final Tensor[] inputs;
    private final Object attr;
    private Tensor output;

    // Scratch state of the backward pass that last visited this node, valid while pass == the
    // pass's id. Faster than identity maps; passes on one graph never overlap in time.
    long pass;
    boolean target;
    boolean relevant;
    Tensor cotangent;

    private GradNode(Primitive op, Object attr, Tensor[] inputs) {
        this.op = op;
        this.attr = attr;
        this.inputs = inputs;
    }

    /**
     * Creates a node for an operation if it must be recorded: recording is on and at least one
     * input is tracked. Called by {@link Tensor} for every primitive it applies.
     *
     * @param op the primitive
     * @param attr the primitive's attributes (axes, permutation, ...), or null
     * @param inputs the operands
     * @return the node, or null when nothing needs recording
     */
    public static GradNode record(Primitive op, Object attr, Tensor... inputs) {
        boolean tracked = false;
        for (Tensor t : inputs) {
            if (t.node() != null) {
                tracked = true;
                break;
            }
        }
        if (!tracked || !GradMode.isRecording()) {
            return null;
        }
        return new GradNode(op, attr, inputs);
    }

    static GradNode variable(Tensor source) {
        return new GradNode(
                Primitive.IDENTITY,
                null,
                source.node() == null ? new Tensor[0] : new Tensor[] {source});
    }

    /**
     * Binds the node to the tensor it produced; called once by the tensor's constructor.
     *
     * @param out the output tensor
     */
    public void bind(Tensor out) {
        if (output != null) {
            throw new IllegalStateException("a GradNode is bound to exactly one tensor");
        }
        output = out;
    }

    /**
     * Returns the recorded primitive.
     *
     * @return the primitive
     */
    public Primitive op() {
        return op;
    }

    Tensor[] inputs() {
        return inputs;
    }

    Object attr() {
        return attr;
    }

    Tensor output() {
        return output;
    }
}
