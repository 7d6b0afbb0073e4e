package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;

/**
 * One recorded operation on the tape: the primitive (or the {@link Loop}), its attributes, its
 * inputs and the tensor it produced. Nodes form a graph from outputs back to variables that {@link
 * Backprop} walks in reverse, applying the rule of {@link VjpRules} for each node's primitive.
 *
 * <p>A variable's node has no primitive: it is a leaf, or (when the variable was made from a
 * tracked tensor, for gradients of gradients) an alias of its one input that passes the cotangent
 * through.
 */
final class TapeNode {
    private final Primitive op;
    private final Attributes attributes;
    private final Loop loop;
    private final Tensor[] inputs;
    private Tensor output;

    // Scratch state of the backward pass that last visited this node, valid while pass == the
    // pass's id. Faster than identity maps; passes on one graph never overlap in time.
    long pass;
    boolean target;
    boolean relevant;
    Tensor cotangent;

    private TapeNode(Primitive op, Attributes attributes, Loop loop, Tensor[] inputs) {
        this.op = op;
        this.attributes = attributes;
        this.loop = loop;
        this.inputs = inputs;
    }

    /**
     * Creates a node for an operation if it must be recorded: recording is on and at least one
     * input is tracked.
     *
     * @return the node, or null when nothing needs recording
     */
    static TapeNode record(Primitive op, Attributes attributes, Tensor[] inputs) {
        return anyTracked(inputs) ? new TapeNode(op, attributes, null, inputs) : null;
    }

    /** Creates a node for a loop if it must be recorded, as {@link #record} does. */
    static TapeNode record(Loop loop, Tensor[] inputs) {
        return anyTracked(inputs) ? new TapeNode(null, Attributes.NONE, loop, inputs) : null;
    }

    private static boolean anyTracked(Tensor[] inputs) {
        boolean tracked = false;
        for (Tensor t : inputs) {
            if (t.node() != null) {
                tracked = true;
                break;
            }
        }
        return tracked && GradMode.isRecording();
    }

    /** The node of a new variable made from {@code source}. */
    static TapeNode variable(Tensor source) {
        return new TapeNode(
                null,
                Attributes.NONE,
                null,
                source.node() == null ? new Tensor[0] : new Tensor[] {source});
    }

    /** Binds the node to the tensor it produced; called once by the tensor's constructor. */
    void bind(Tensor out) {
        if (output != null) {
            throw new IllegalStateException("a tape node is bound to exactly one tensor");
        }
        output = out;
    }

    /** The primitive, or null for a variable or a loop. */
    Primitive op() {
        return op;
    }

    /** The loop, or null for a primitive or a variable. */
    Loop loop() {
        return loop;
    }

    /** Whether this is a variable's node (no operation: a leaf or an alias). */
    boolean isVariable() {
        return op == null && loop == null;
    }

    Attributes attributes() {
        return attributes;
    }

    Tensor[] inputs() {
        return inputs;
    }

    Tensor output() {
        return output;
    }
}
