package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A recurrence {@code c_t = f(c_(t-1), x_t)} whose step {@code f} was recorded once as a {@link
 * Program} (the <em>body</em>) and that runs as one operation: one node on the autodiff tape and
 * one step of a recorded program, however long the sequence. {@link Scan} is the user's entry
 * point; this class is what it builds, and what a compiler of recorded programs reads.
 *
 * <h2>Inputs and result</h2>
 *
 * The loop's inputs are {@code [init, xs_1 .. xs_m, captures...]}: the initial carry, the {@code m}
 * sequences (each {@code [T, ...]}, row {@code t} being {@code x_t}) and the tensors the body read
 * without receiving them ({@code captures}: parameters, data, constants). The body program takes
 * {@code [carry, x_1t .. x_mt, captures...]} and returns the next carry, of the carry's shape and
 * dtype. The result is {@code [T, ...carry]}: row {@code t} is the carry after step {@code t}. A
 * reverse loop runs {@code t = T-1, ..., 0}; row {@code t} is still the carry after step {@code t}.
 *
 * <h2>Gradient</h2>
 *
 * Reverse mode through the recurrence is itself a loop, run in the opposite direction (the adjoint
 * recursion of backpropagation through time; as in JAX, the transpose of a scan is a scan). With
 * {@code G} the cotangent of the result and {@code mu} the cotangent flowing back into the carry,
 *
 * <pre>
 * lambda_t = G_t + mu_t,   (mu_(t-1), xbar_t, pbar_t) = vjp of f at (c_(t-1), x_t, p) applied to lambda_t,
 * </pre>
 *
 * with {@code mu_(T-1) = 0}; the gradient of the initial carry is the last {@code mu}, that of each
 * capture {@code p} the sum of its {@code pbar_t}. The carried values {@code c_(t-1)} are the rows
 * of the result, so the forward loop stores nothing else. The adjoint body is recorded when the
 * gradient is first asked for, by applying the body program to variables ({@link Program#call}) and
 * back-propagating through it; only inputs on the tape get gradients.
 */
public final class Loop {
    private final Program body;
    private final int length;
    private final boolean reverse;
    private final int sequences;
    private final Shape carryShape;
    private final DType dtype;

    private Loop(
            Program body,
            int length,
            boolean reverse,
            int sequences,
            Shape carryShape,
            DType dtype) {
        this.body = body;
        this.length = length;
        this.reverse = reverse;
        this.sequences = sequences;
        this.carryShape = carryShape;
        this.dtype = dtype;
    }

    /**
     * Records {@code step} on the first step's values and applies the loop. The caller (Scan) has
     * checked the arguments: {@code init} floating, every sequence of the same positive length, one
     * backend.
     */
    static Tensor apply(
            BiFunction<Tensor, List<Tensor>, Tensor> step,
            Tensor init,
            List<Tensor> xs,
            boolean reverse) {
        Backend b = init.backend();
        int n = xs.get(0).dim(0);
        int first = reverse ? n - 1 : 0;
        // The body's declared inputs alias the first step's values under handles of their own, so
        // that a body which also closes over `init` or a sequence sees those as captures.
        List<Tensor> declared = new ArrayList<>();
        declared.add(Tensor.pinned(b, init.buffer()));
        List<Buffer> rows = new ArrayList<>();
        for (Tensor x : xs) {
            Buffer r = row(b, x.buffer(), first);
            rows.add(r);
            declared.add(Tensor.pinned(b, r));
        }
        Program f;
        List<Tensor> captures;
        Recorder rec = Recorder.startBody(declared);
        boolean before = GradMode.setRecording(false);
        try {
            Tensor out = step.apply(declared.get(0), declared.subList(1, declared.size()));
            if (!out.shape().equals(init.shape()) || out.dtype() != init.dtype()) {
                throw new IllegalArgumentException(
                        "scan: the step returned "
                                + out.dtype()
                                + out.shape()
                                + " for a carry of "
                                + init.dtype()
                                + init.shape()
                                + "; it must return the carry's shape and dtype");
            }
            f = rec.finish(out);
            captures = rec.captures();
        } finally {
            GradMode.setRecording(before);
            rec.stop();
            for (Buffer r : rows) {
                b.release(r);
            }
        }
        if (f.notReplayableReason() != null) {
            throw new IllegalArgumentException(
                    "scan: the step "
                            + f.notReplayableReason()
                            + "; a step must compute its result with tensor operations only, the"
                            + " same ones at every step");
        }
        Loop loop = new Loop(f, n, reverse, xs.size(), init.shape(), init.dtype());
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(init);
        inputs.addAll(xs);
        inputs.addAll(captures);
        return Tensor.applyLoop(loop, inputs.toArray(new Tensor[0]));
    }

    /**
     * Row {@code t} of a sequence buffer {@code [T, ...]}, as a new buffer of shape {@code [...]}.
     */
    private static Buffer row(Backend b, Buffer x, int t) {
        int[] dims = x.shape().dims();
        int[] begin = new int[dims.length];
        int[] end = dims.clone();
        begin[0] = t;
        end[0] = t + 1;
        dims[0] = 1;
        Buffer block =
                b.execute(
                        Primitive.SLICE,
                        new Attributes.Range(begin, end),
                        new Buffer[] {x},
                        Shape.of(dims),
                        x.dtype());
        int[] rest = new int[dims.length - 1];
        System.arraycopy(dims, 1, rest, 0, rest.length);
        Buffer r =
                b.execute(
                        Primitive.RESHAPE,
                        Attributes.NONE,
                        new Buffer[] {block},
                        Shape.of(rest),
                        x.dtype());
        b.release(block);
        return r;
    }

    /**
     * Runs the loop on buffers: the body program once per step, then one concatenation of the
     * carries. Every backend runs loops this way; a compiler of recorded programs may run them
     * otherwise, with the same results.
     *
     * @param b the backend
     * @param in {@code [init, xs..., captures...]}
     * @return the carries, {@code [T, ...carry]}
     */
    Buffer execute(Backend b, Buffer[] in) {
        Buffer[] args = in.clone();
        Buffer[] rows = new Buffer[length];
        Set<Buffer> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Buffer> given = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(given, in);
        int[] rowDims = new int[carryShape.rank() + 1];
        rowDims[0] = 1;
        System.arraycopy(carryShape.dims(), 0, rowDims, 1, carryShape.rank());
        Shape rowShape = Shape.of(rowDims);
        Buffer carry = in[0];
        try {
            for (int s = 0; s < length; s++) {
                int t = reverse ? length - 1 - s : s;
                args[0] = carry;
                for (int i = 1; i <= sequences; i++) {
                    args[i] = row(b, in[i], t);
                }
                Buffer next = body.run(b, args)[0];
                for (int i = 1; i <= sequences; i++) {
                    if (args[i] != next) {
                        b.release(args[i]);
                    }
                }
                if (!given.contains(next)) {
                    owned.add(next);
                }
                rows[t] =
                        b.execute(
                                Primitive.RESHAPE,
                                Attributes.NONE,
                                new Buffer[] {next},
                                rowShape,
                                dtype);
                carry = next;
            }
            return b.execute(Primitive.CONCAT, new Attributes.Axis(0), rows, outputShape(), dtype);
        } finally {
            for (Buffer r : rows) {
                if (r != null) {
                    b.release(r);
                }
            }
            for (Buffer o : owned) {
                b.release(o);
            }
        }
    }

    private Shape outputShape() {
        int[] d = new int[carryShape.rank() + 1];
        d[0] = length;
        System.arraycopy(carryShape.dims(), 0, d, 1, carryShape.rank());
        return Shape.of(d);
    }

    /**
     * The cotangents of the loop's inputs, given the cotangent {@code g} of its result {@code y}.
     */
    Tensor[] vjp(Tensor[] in, Tensor y, Tensor g) {
        LoopAdjoint adjoint = new LoopAdjoint(this, in);
        return adjoint.cotangents(y, g);
    }

    /**
     * Returns the recorded body: inputs {@code [carry, x_1t .. x_mt, captures...]}, one output, the
     * next carry.
     *
     * @return the body program
     */
    public Program body() {
        return body;
    }

    /**
     * Returns the number of steps {@code T}.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /**
     * Tells whether the loop runs from the last row to the first.
     *
     * @return true for a reverse loop
     */
    public boolean reverse() {
        return reverse;
    }

    /**
     * Returns the number {@code m} of sequences, the loop's inputs after the initial carry.
     *
     * @return the sequence count
     */
    public int sequenceCount() {
        return sequences;
    }

    /**
     * Returns the shape of the carry (a row of the result).
     *
     * @return the carry's shape
     */
    public Shape carryShape() {
        return carryShape;
    }

    /**
     * Returns the dtype of the carry and of the result.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtype;
    }

    /** A description equal for two recordings of the same loop structure. */
    String signature() {
        return "T="
                + length
                + (reverse ? " reverse" : "")
                + " m="
                + sequences
                + " body{"
                + body.signature()
                + "}";
    }
}
