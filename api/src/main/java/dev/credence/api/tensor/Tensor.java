package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.Arrays;

/**
 * An immutable n-dimensional array on one backend, with an optional place on the autodiff tape.
 *
 * <p>A tensor has a {@link DType}, a {@link Shape} and a {@link Backend} that owns its buffer.
 * Operations return new tensors and never change their operands. Binary operations broadcast as
 * NumPy does and require both operands to share dtype and backend; a Java {@code double} operand
 * takes the tensor's dtype. Errors name the operation and what was found.
 *
 * <pre>{@code
 * Backend b = Backends.discover().select("jvm");
 * Tensor x = Tensor.of(b, new double[] {1, 2, 3, 4}, 2, 2);
 * Tensor y = x.matmul(x).softplus().sum();   // a scalar tensor
 * double v = y.item();
 * }</pre>
 *
 * <h2>How the code is laid out</h2>
 *
 * This class holds the value (buffer, shape, dtype, tape node), its metadata, the factories, and
 * the one funnel through which every {@link Primitive} is applied: it runs the backend's kernel,
 * records a tape node when an input is tracked (so every operation is differentiable where the
 * mathematics allows) and adds a step to the {@link Program} being recorded, if any. The fluent
 * methods ({@code x.add(y)}, {@code x.exp()}, {@code x.matmul(w)}, ...) are inherited from {@link
 * TensorOperations}; each delegates in one line to a focused class that checks its arguments and
 * calls the funnel: {@link Elementwise}, {@link Reductions}, {@link Shaping}, {@link Indexing},
 * {@link LinearAlgebra} and {@link Losses}.
 */
public final class Tensor extends TensorOperations {

    /** Ownership record of a buffer, shared by tensors that view the same buffer. */
    static final class Handle {
        final Backend backend;
        final Buffer buffer;
        boolean released;
        // Set when a recorded Program captured this buffer as a constant: the program outlives
        // the scope that created it, so release() must leave it alone.
        volatile boolean pinned;

        Handle(Backend backend, Buffer buffer) {
            this.backend = backend;
            this.buffer = buffer;
        }

        void release() {
            if (!released && !pinned) {
                released = true;
                backend.release(buffer);
            }
        }
    }

    private final Handle handle;
    private final Shape shape;
    private final DType dtype;
    private final TapeNode node;

    private Tensor(Handle handle, TapeNode node) {
        this.handle = handle;
        this.shape = handle.buffer.shape();
        this.dtype = handle.buffer.dtype();
        this.node = node;
        if (node != null) {
            node.bind(this);
        }
    }

    private static Tensor fresh(Backend b, Buffer buf, TapeNode node) {
        Handle h = new Handle(b, buf);
        TensorScope.register(h);
        Recorder r = Recorder.current();
        if (r != null) {
            r.created(h);
        }
        return new Tensor(h, node);
    }

    /**
     * Wraps a buffer a backend produced. For backends and tools; users create tensors with the
     * factories below.
     *
     * @param backend the backend that owns the buffer
     * @param buffer the buffer
     * @return an untracked tensor owned by the current {@link TensorScope}, if any
     */
    public static Tensor wrap(Backend backend, Buffer buffer) {
        return fresh(backend, buffer, null);
    }

    /**
     * A tensor over a buffer that something else owns (a recorded program's constant, a value a
     * loop passes to its body): its handle never releases the buffer and no scope holds it.
     */
    static Tensor pinned(Backend backend, Buffer buffer) {
        Handle h = new Handle(backend, buffer);
        h.pinned = true;
        return new Tensor(h, null);
    }

    /** The same buffer attached to a tape node; {@link Tape#variable} makes variables with it. */
    Tensor withNode(TapeNode n) {
        return new Tensor(handle, n);
    }

    Handle handle() {
        return handle;
    }

    TapeNode node() {
        return node;
    }

    @Override
    Tensor self() {
        return this;
    }

    // ------------------------------------------------------------------ the funnel

    /**
     * Applies a primitive: the one place where kernels run, tape nodes are made and programs
     * recorded. Callers (the focused operation classes) have checked the operands and computed the
     * result's shape and dtype; this checks what every primitive shares (arity, attribute type, one
     * backend, live buffers).
     */
    static Tensor apply(
            Primitive op, Attributes attributes, Shape shape, DType dtype, Tensor... inputs) {
        if (attributes.getClass() != op.attributeType()
                || (op.arity() >= 0 && inputs.length != op.arity())) {
            throw new IllegalArgumentException(
                    op.opName()
                            + ": takes "
                            + op.arity()
                            + " inputs and "
                            + op.attributeType().getSimpleName()
                            + " attributes, found "
                            + inputs.length
                            + " and "
                            + attributes.getClass().getSimpleName());
        }
        Backend b = inputs[0].handle.backend;
        Buffer[] in = new Buffer[inputs.length];
        for (int i = 0; i < in.length; i++) {
            Checks.sameBackend(inputs[0], inputs[i], op.opName());
            in[i] = inputs[i].buffer();
        }
        Buffer out = b.execute(op, attributes, in, shape, dtype);
        TapeNode n = dtype.isFloating() ? TapeNode.record(op, attributes, inputs) : null;
        Tensor t = fresh(b, out, n);
        Recorder r = Recorder.current();
        if (r != null) {
            r.step(op, attributes, t, inputs);
        }
        return t;
    }

    /**
     * Applies a {@link Loop}, the funnel's counterpart for recurrences: runs it on the inputs'
     * buffers, records one tape node for the whole loop when an input is tracked, and one step in
     * the program being recorded, if any.
     */
    static Tensor applyLoop(Loop loop, Tensor... inputs) {
        Backend b = inputs[0].handle.backend;
        Buffer[] in = new Buffer[inputs.length];
        for (int i = 0; i < in.length; i++) {
            Checks.sameBackend(inputs[0], inputs[i], "scan");
            in[i] = inputs[i].buffer();
        }
        Buffer out = loop.execute(b, in);
        TapeNode n = TapeNode.record(loop, inputs);
        Tensor t = fresh(b, out, n);
        Recorder r = Recorder.current();
        if (r != null) {
            r.loop(loop, t, inputs);
        }
        return t;
    }

    // ------------------------------------------------------------------ factories

    /**
     * Creates a FLOAT64 tensor.
     *
     * @param b the backend
     * @param data row-major values
     * @param dims the shape; empty means a vector of {@code data.length}
     * @return the tensor
     */
    public static Tensor of(Backend b, double[] data, int... dims) {
        return of(b, data, DType.FLOAT64, dims);
    }

    /**
     * Creates a tensor of any dtype from doubles.
     *
     * @param b the backend
     * @param data row-major values
     * @param dtype the element type
     * @param dims the shape; empty means a vector of {@code data.length}
     * @return the tensor
     */
    public static Tensor of(Backend b, double[] data, DType dtype, int... dims) {
        return of(b, data, dtype, dims.length == 0 ? Shape.of(data.length) : Shape.of(dims));
    }

    /**
     * Creates a tensor of any dtype and shape, rank 0 included, from doubles.
     *
     * @param b the backend
     * @param data row-major values, {@code shape.size()} of them
     * @param dtype the element type
     * @param shape the shape
     * @return the tensor
     */
    public static Tensor of(Backend b, double[] data, DType dtype, Shape shape) {
        checkLength(data.length, shape);
        return fresh(b, b.fromDoubles(data, shape, dtype), null);
    }

    /**
     * Creates a FLOAT32 tensor.
     *
     * @param b the backend
     * @param data row-major values
     * @param dims the shape; empty means a vector of {@code data.length}
     * @return the tensor
     */
    public static Tensor of(Backend b, float[] data, int... dims) {
        Shape s = dims.length == 0 ? Shape.of(data.length) : Shape.of(dims);
        checkLength(data.length, s);
        return fresh(b, b.fromFloats(data, s), null);
    }

    /**
     * Creates an INT32 tensor, e.g. of indices.
     *
     * @param b the backend
     * @param data row-major values
     * @param dims the shape; empty means a vector of {@code data.length}
     * @return the tensor
     */
    public static Tensor ofInts(Backend b, int[] data, int... dims) {
        Shape s = dims.length == 0 ? Shape.of(data.length) : Shape.of(dims);
        checkLength(data.length, s);
        Tensor t = fresh(b, b.fromInts(data, s, DType.INT32), null);
        Recorder r = Recorder.current();
        if (r != null) {
            r.createdInts(t.handle, data);
        }
        return t;
    }

    private static void checkLength(int n, Shape s) {
        if (n != s.size()) {
            throw new IllegalArgumentException(
                    "tensor: "
                            + n
                            + " values cannot fill shape "
                            + s
                            + ", which holds "
                            + s.size());
        }
    }

    /**
     * Creates a scalar.
     *
     * @param b the backend
     * @param value the value
     * @param dtype the element type
     * @return the rank-0 tensor
     */
    public static Tensor scalar(Backend b, double value, DType dtype) {
        return fresh(b, b.full(value, Shape.scalar(), dtype), null);
    }

    /**
     * Creates a tensor filled with one value.
     *
     * @param b the backend
     * @param value the value
     * @param dtype the element type
     * @param dims the shape
     * @return the tensor
     */
    public static Tensor full(Backend b, double value, DType dtype, int... dims) {
        return fresh(b, b.full(value, Shape.of(dims), dtype), null);
    }

    /**
     * Creates a tensor of zeros.
     *
     * @param b the backend
     * @param dtype the element type
     * @param dims the shape
     * @return the tensor
     */
    public static Tensor zeros(Backend b, DType dtype, int... dims) {
        return full(b, 0, dtype, dims);
    }

    /**
     * Creates a tensor of ones.
     *
     * @param b the backend
     * @param dtype the element type
     * @param dims the shape
     * @return the tensor
     */
    public static Tensor ones(Backend b, DType dtype, int... dims) {
        return full(b, 1, dtype, dims);
    }

    /** {@return zeros with this tensor's shape, dtype and backend} */
    public Tensor zerosLike() {
        return fresh(backend(), backend().full(0, shape, dtype), null);
    }

    /** {@return ones with this tensor's shape, dtype and backend} */
    public Tensor onesLike() {
        return fresh(backend(), backend().full(1, shape, dtype), null);
    }

    /**
     * {@return a scalar of this tensor's dtype and backend}
     *
     * @param value the value
     */
    public Tensor scalarLike(double value) {
        return fresh(backend(), backend().full(value, Shape.scalar(), dtype), null);
    }

    // ------------------------------------------------------------------ metadata and data

    /** {@return the shape} */
    public Shape shape() {
        return shape;
    }

    /** {@return the element type} */
    public DType dtype() {
        return dtype;
    }

    /** {@return the number of dimensions} */
    public int rank() {
        return shape.rank();
    }

    /** {@return the number of elements} */
    public int size() {
        return shape.size();
    }

    /**
     * {@return the size along one axis}
     *
     * @param axis the axis; negative counts from the end
     */
    public int dim(int axis) {
        return shape.dim(axis);
    }

    /** {@return the backend that owns this tensor} */
    public Backend backend() {
        return handle.backend;
    }

    /** {@return the device of this tensor's backend} */
    public Device device() {
        return handle.backend.device();
    }

    /** {@return whether this tensor is on the autodiff tape (it depends on a variable)} */
    public boolean isTracked() {
        return node != null;
    }

    /**
     * Returns the backend buffer, checking that it has not been released.
     *
     * @return the buffer
     * @throws IllegalStateException if the tensor was released
     */
    public Buffer buffer() {
        if (handle.released) {
            throw new IllegalStateException(
                    "use of a released tensor "
                            + dtype
                            + shape
                            + " on backend "
                            + handle.backend.name()
                            + ": its buffer was freed by release() or when its TensorScope"
                            + " closed; keep it with scope.keep(tensor) to use it after the scope");
        }
        return handle.buffer;
    }

    /** {@return whether the buffer has been freed} */
    public boolean isReleased() {
        return handle.released;
    }

    /** Frees the buffer now; later use of this tensor (or of tensors sharing its buffer) throws. */
    public void release() {
        handle.release();
    }

    /** {@return a copy of the elements as doubles, in row-major order} */
    public double[] toDoubleArray() {
        noteHostRead();
        return backend().toDoubles(buffer());
    }

    /** {@return a copy of the elements as floats, in row-major order} */
    public float[] toFloatArray() {
        noteHostRead();
        return backend().toFloats(buffer());
    }

    /** {@return a copy of the elements as ints, in row-major order} */
    public int[] toIntArray() {
        noteHostRead();
        return backend().toInts(buffer());
    }

    private void noteHostRead() {
        Recorder r = Recorder.current();
        if (r != null) {
            r.hostRead(this);
        }
    }

    /**
     * Returns the value of a one-element tensor.
     *
     * @return the value
     * @throws IllegalStateException if the tensor has more than one element
     */
    public double item() {
        if (shape.size() != 1) {
            throw new IllegalStateException(
                    "item: needs a tensor with one element, found shape " + shape);
        }
        return toDoubleArray()[0];
    }

    /** {@return this tensor without its tape node, sharing the buffer: no gradient flows back} */
    public Tensor detach() {
        return node == null ? this : new Tensor(handle, null);
    }

    /**
     * Copies this tensor to another backend (for example from {@code jvm} to {@code djl-gpu}).
     * Tensors never move implicitly.
     *
     * @param target the backend to copy to
     * @return the copy, untracked
     */
    public Tensor to(Backend target) {
        if (target == backend()) {
            return this;
        }
        Buffer b =
                switch (dtype) {
                    case FLOAT32 -> target.fromFloats(toFloatArray(), shape);
                    case FLOAT64 -> target.fromDoubles(toDoubleArray(), shape, dtype);
                    case INT32, BOOL -> target.fromInts(toIntArray(), shape, dtype);
                };
        return fresh(target, b, null);
    }

    @Override
    public String toString() {
        String head = "Tensor(" + dtype + shape + ", " + backend().name() + ")";
        if (handle.released) {
            return head + " <released>";
        }
        if (shape.size() > 24) {
            return head;
        }
        return head + " " + Arrays.toString(toDoubleArray());
    }
}
