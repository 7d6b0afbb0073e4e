package dev.credence.api.tensor;

import dev.credence.api.autodiff.GradNode;
import dev.credence.api.autodiff.Primitive;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BinaryOp;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.CompareOp;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.ReduceOp;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.UnaryOp;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable n-dimensional array on one backend, with an optional place on the autodiff tape.
 *
 * <p>A tensor has a {@link DType}, a {@link Shape} and a {@link Backend} that owns its buffer.
 * Operations return new tensors and never change their operands. Binary operations broadcast as
 * NumPy does and require both operands to share dtype and backend; a Java {@code double} operand
 * takes the tensor's dtype. Errors name the operation and what was found.
 *
 * <p>The methods of this class are compositions of about thirty backend primitives. Each primitive
 * applied to a tracked tensor (one that depends on a variable of {@link
 * dev.credence.api.autodiff.Autodiff}) is recorded, so every method here is differentiable where
 * the mathematics allows.
 *
 * <pre>{@code
 * Backend b = Backends.discover().select("jvm");
 * Tensor x = Tensor.of(b, new double[] {1, 2, 3, 4}, 2, 2);
 * Tensor y = x.matmul(x).softplus().sum();   // a scalar tensor
 * double v = y.item();
 * }</pre>
 */
public final class Tensor {

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
    private final GradNode node;

    private Tensor(Handle handle, GradNode node) {
        this.handle = handle;
        this.shape = handle.buffer.shape();
        this.dtype = handle.buffer.dtype();
        this.node = node;
        if (node != null) {
            node.bind(this);
        }
    }

    private static Tensor fresh(Backend b, Buffer buf, GradNode node) {
        Handle h = new Handle(b, buf);
        TensorScope.register(h);
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
     * Returns a tensor with the same buffer attached to a tape node. Used by {@link
     * dev.credence.api.autodiff.Autodiff} to make variables.
     *
     * @param n the node, bound to the returned tensor
     * @return the tracked tensor
     */
    public Tensor withNode(GradNode n) {
        return new Tensor(handle, n);
    }

    Handle handle() {
        return handle;
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
        Shape s = dims.length == 0 ? Shape.of(data.length) : Shape.of(dims);
        checkLength(data.length, s);
        return fresh(b, b.fromDoubles(data, s, dtype), null);
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
        return fresh(b, b.fromInts(data, s, DType.INT32), null);
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

    /**
     * Creates the vector {@code 0, 1, ..., n-1}.
     *
     * @param b the backend
     * @param n the length
     * @param dtype the element type
     * @return the vector
     */
    public static Tensor arange(Backend b, int n, DType dtype) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return of(b, v, dtype, n);
    }

    /**
     * Creates an identity matrix.
     *
     * @param b the backend
     * @param n the size
     * @param dtype the element type
     * @return the {@code n x n} identity
     */
    public static Tensor eye(Backend b, int n, DType dtype) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        return of(b, v, dtype, n, n);
    }

    /**
     * Returns a tensor of zeros with this tensor's shape, dtype and backend.
     *
     * @return the zeros
     */
    public Tensor zerosLike() {
        return fresh(backend(), backend().full(0, shape, dtype), null);
    }

    /**
     * Returns a tensor of ones with this tensor's shape, dtype and backend.
     *
     * @return the ones
     */
    public Tensor onesLike() {
        return fresh(backend(), backend().full(1, shape, dtype), null);
    }

    /**
     * Returns a scalar of this tensor's dtype and backend.
     *
     * @param value the value
     * @return the scalar
     */
    public Tensor scalarLike(double value) {
        return fresh(backend(), backend().full(value, Shape.scalar(), dtype), null);
    }

    // ------------------------------------------------------------------ metadata and data

    /**
     * Returns the shape.
     *
     * @return the shape
     */
    public Shape shape() {
        return shape;
    }

    /**
     * Returns the dtype.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * Returns the rank.
     *
     * @return the number of dimensions
     */
    public int rank() {
        return shape.rank();
    }

    /**
     * Returns the number of elements.
     *
     * @return the size
     */
    public int size() {
        return shape.size();
    }

    /**
     * Returns the size along one axis.
     *
     * @param axis the axis; negative counts from the end
     * @return the size
     */
    public int dim(int axis) {
        return shape.dim(axis);
    }

    /**
     * Returns the backend that owns this tensor.
     *
     * @return the backend
     */
    public Backend backend() {
        return handle.backend;
    }

    /**
     * Returns the device of this tensor's backend.
     *
     * @return the device
     */
    public Device device() {
        return handle.backend.device();
    }

    /**
     * Returns the tape node of this tensor, or null when it is not tracked.
     *
     * @return the node or null
     */
    public GradNode node() {
        return node;
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

    /**
     * Tells whether the buffer has been freed.
     *
     * @return true after release
     */
    public boolean isReleased() {
        return handle.released;
    }

    /** Frees the buffer now; later use of this tensor (or of tensors sharing its buffer) throws. */
    public void release() {
        handle.release();
    }

    /**
     * Copies the elements to a double array in row-major order.
     *
     * @return the values
     */
    public double[] toDoubleArray() {
        noteHostRead();
        return backend().toDoubles(buffer());
    }

    /**
     * Copies the elements to a float array in row-major order.
     *
     * @return the values
     */
    public float[] toFloatArray() {
        noteHostRead();
        return backend().toFloats(buffer());
    }

    /**
     * Copies the elements to an int array in row-major order.
     *
     * @return the values
     */
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

    /**
     * Returns this tensor without its tape node: gradients do not flow through the result.
     *
     * @return the detached tensor, sharing the buffer
     */
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

    // ------------------------------------------------------------------ primitive application

    private Tensor make(Buffer buf, Primitive op, Object attr, Tensor... inputs) {
        GradNode n =
                dtype.isFloating() || buf.dtype().isFloating()
                        ? GradNode.record(op, attr, inputs)
                        : null;
        Tensor t = fresh(backend(), buf, n);
        Recorder r = Recorder.current();
        if (r != null) {
            r.primitive(op, attr, t, inputs);
        }
        return t;
    }

    private void sameBackend(Tensor o, String op) {
        if (o.handle.backend != handle.backend) {
            throw new IllegalArgumentException(
                    op
                            + ": operands live on different backends ("
                            + backend().name()
                            + " and "
                            + o.backend().name()
                            + "); move one with to(backend)");
        }
    }

    private void sameDType(Tensor o, String op) {
        if (o.dtype != dtype) {
            throw new IllegalArgumentException(
                    op
                            + ": dtypes differ ("
                            + dtype
                            + " and "
                            + o.dtype
                            + "); convert one with cast(dtype)");
        }
    }

    private void requireFloating(String op) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(
                    op + ": needs a FLOAT32 or FLOAT64 tensor, found " + dtype);
        }
    }

    /**
     * Applies a unary primitive.
     *
     * @param op the primitive
     * @return the result
     */
    public Tensor unary(UnaryOp op) {
        boolean intOk = op == UnaryOp.NEG || op == UnaryOp.ABS;
        if (!(dtype.isFloating() || (intOk && dtype == DType.INT32))) {
            throw new IllegalArgumentException(
                    OpNames.of(op)
                            + ": needs a floating tensor"
                            + (intOk ? " or INT32" : "")
                            + ", found "
                            + dtype);
        }
        return make(backend().unary(op, buffer()), Primitive.of(op), null, this);
    }

    /**
     * Applies a binary primitive with broadcasting.
     *
     * @param op the primitive
     * @param o the right operand
     * @return the result
     */
    public Tensor binary(BinaryOp op, Tensor o) {
        String name = OpNames.of(op);
        sameBackend(o, name);
        sameDType(o, name);
        if (dtype == DType.BOOL
                || (dtype == DType.INT32 && (op == BinaryOp.DIV || op == BinaryOp.POW))) {
            throw new IllegalArgumentException(
                    name + ": not defined for " + dtype + "; cast to a floating dtype first");
        }
        Shape out = Shape.broadcast(shape, o.shape, name);
        return make(
                backend().binary(op, buffer(), o.buffer(), out), Primitive.of(op), null, this, o);
    }

    private Tensor compare(CompareOp op, Tensor o) {
        String name = OpNames.of(op);
        sameBackend(o, name);
        sameDType(o, name);
        if (dtype == DType.BOOL) {
            throw new IllegalArgumentException(name + ": compare BOOL tensors after cast(INT32)");
        }
        Shape out = Shape.broadcast(shape, o.shape, name);
        Tensor t = fresh(backend(), backend().compare(op, buffer(), o.buffer(), out), null);
        Recorder r = Recorder.current();
        if (r != null) {
            r.compare(op, t, this, o);
        }
        return t;
    }

    /**
     * Selects elementwise: {@code a} where {@code cond} is true, else {@code b}, with broadcasting.
     *
     * @param cond a BOOL tensor
     * @param a values where true
     * @param b values where false
     * @return the selection
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype != DType.BOOL) {
            throw new IllegalArgumentException(
                    "where: the condition must be BOOL, found " + cond.dtype);
        }
        a.sameBackend(b, "where");
        a.sameBackend(cond, "where");
        a.sameDType(b, "where");
        Shape out =
                Shape.broadcast(Shape.broadcast(cond.shape, a.shape, "where"), b.shape, "where");
        Buffer buf = a.backend().where(cond.buffer(), a.buffer(), b.buffer(), out);
        return a.make(buf, Primitive.WHERE, null, cond, a, b);
    }

    /**
     * Selects this tensor where {@code cond} is true, else {@code other}.
     *
     * @param cond a BOOL tensor
     * @param other values where false
     * @return the selection
     */
    public Tensor where(Tensor cond, Tensor other) {
        return where(cond, this, other);
    }

    /** Attributes of a reduction on the tape. */
    public record ReduceAttr(int[] axes, boolean keepDims) {}

    private Tensor reduce(ReduceOp op, int[] axes, boolean keepDims) {
        String name = OpNames.of(op);
        requireFloating(name);
        int[] ax = shape.normalizeAxes(axes, name);
        Buffer buf = backend().reduce(op, buffer(), ax, keepDims);
        Primitive p = op == ReduceOp.SUM ? Primitive.SUM : Primitive.MAX;
        return make(buf, p, new ReduceAttr(ax, keepDims), this);
    }

    /**
     * Sums over the given axes (all axes when none are given).
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes
     * @return the sums
     */
    public Tensor sum(boolean keepDims, int... axes) {
        return reduce(ReduceOp.SUM, axes, keepDims);
    }

    /**
     * Sums all elements.
     *
     * @return a scalar
     */
    public Tensor sum() {
        return reduce(ReduceOp.SUM, new int[0], false);
    }

    /**
     * Sums over axes, dropping them.
     *
     * @param axes the axes
     * @return the sums
     */
    public Tensor sum(int... axes) {
        return reduce(ReduceOp.SUM, axes, false);
    }

    /**
     * Takes the maximum over the given axes (all when none are given).
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes
     * @return the maxima; ties share the gradient equally
     */
    public Tensor max(boolean keepDims, int... axes) {
        return reduce(ReduceOp.MAX, axes, keepDims);
    }

    /**
     * Multiplies matrices, as NumPy's {@code matmul}: a 1-D left operand is a row vector, a 1-D
     * right operand a column vector (the added axis is removed again), and leading batch axes
     * broadcast.
     *
     * @param o the right operand
     * @return the product
     */
    public Tensor matmul(Tensor o) {
        sameBackend(o, "matmul");
        sameDType(o, "matmul");
        requireFloating("matmul");
        if (rank() == 0 || o.rank() == 0) {
            throw new IllegalArgumentException(
                    "matmul: operands must have rank >= 1, found shapes "
                            + shape
                            + " and "
                            + o.shape);
        }
        Tensor a = rank() == 1 ? reshape(1, dim(0)) : this;
        Tensor b = o.rank() == 1 ? o.reshape(o.dim(0), 1) : o;
        int k1 = a.dim(-1);
        int k2 = b.dim(-2);
        if (k1 != k2) {
            throw new IllegalArgumentException(
                    "matmul: inner dimensions differ: shapes "
                            + shape
                            + " and "
                            + o.shape
                            + " (last axis of the left "
                            + k1
                            + " vs second-to-last of the right "
                            + k2
                            + ")");
        }
        int[] ad = a.shape.dims();
        int[] bd = b.shape.dims();
        Shape batch =
                Shape.broadcast(
                        Shape.of(Arrays.copyOf(ad, ad.length - 2)),
                        Shape.of(Arrays.copyOf(bd, bd.length - 2)),
                        "matmul (batch axes)");
        int[] od = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        od[od.length - 2] = ad[ad.length - 2];
        od[od.length - 1] = bd[bd.length - 1];
        Tensor r =
                make(
                        backend().matmul(a.buffer(), b.buffer(), Shape.of(od)),
                        Primitive.MATMUL,
                        null,
                        a,
                        b);
        if (rank() == 1) {
            r = r.squeeze(-2);
        }
        if (o.rank() == 1) {
            r = r.squeeze(-1);
        }
        return r;
    }

    /**
     * Gives the elements a new shape of the same size; one size may be -1 and is inferred.
     *
     * @param dims the new shape
     * @return the reshaped tensor
     */
    public Tensor reshape(int... dims) {
        int[] d = dims.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException(
                            "reshape: only one size may be -1, found " + Arrays.toString(dims));
                }
                infer = i;
            } else {
                known *= d[i];
            }
        }
        if (infer >= 0) {
            d[infer] = known == 0 ? 0 : (int) (shape.size() / known);
        }
        Shape s = Shape.of(d);
        if (s.size() != shape.size()) {
            throw new IllegalArgumentException(
                    "reshape: cannot view shape "
                            + shape
                            + " ("
                            + shape.size()
                            + " elements) as "
                            + Arrays.toString(dims));
        }
        if (s.equals(shape)) {
            return this;
        }
        return make(backend().reshape(buffer(), s), Primitive.RESHAPE, null, this);
    }

    /**
     * Reorders axes: result axis {@code i} is this tensor's axis {@code perm[i]}.
     *
     * @param perm a permutation of the axes
     * @return the permuted tensor
     */
    public Tensor permute(int... perm) {
        if (perm.length != rank()) {
            throw new IllegalArgumentException(
                    "permute: needs "
                            + rank()
                            + " axes for shape "
                            + shape
                            + ", found "
                            + Arrays.toString(perm));
        }
        int[] p = new int[perm.length];
        boolean[] seen = new boolean[perm.length];
        boolean identity = true;
        for (int i = 0; i < perm.length; i++) {
            p[i] = shape.normalizeAxis(perm[i], "permute");
            if (seen[p[i]]) {
                throw new IllegalArgumentException(
                        "permute: axis " + p[i] + " repeated in " + Arrays.toString(perm));
            }
            seen[p[i]] = true;
            identity &= p[i] == i;
        }
        if (identity) {
            return this;
        }
        return make(backend().permute(buffer(), p), Primitive.PERMUTE, p, this);
    }

    /**
     * Broadcasts to a larger shape.
     *
     * @param dims the target shape
     * @return the broadcast tensor
     */
    public Tensor broadcastTo(int... dims) {
        Shape s = Shape.of(dims);
        if (s.equals(shape)) {
            return this;
        }
        if (!shape.broadcastsTo(s)) {
            throw new IllegalArgumentException(
                    "broadcastTo: shape " + shape + " cannot be broadcast to " + s);
        }
        return make(backend().broadcastTo(buffer(), s), Primitive.BROADCAST_TO, null, this);
    }

    /**
     * Takes the block {@code [begin[i], end[i])} along every axis.
     *
     * @param begin start indices
     * @param end end indices, exclusive
     * @return the block
     */
    public Tensor slice(int[] begin, int[] end) {
        if (begin.length != rank() || end.length != rank()) {
            throw new IllegalArgumentException(
                    "slice: needs one begin and end per axis of shape " + shape);
        }
        for (int i = 0; i < rank(); i++) {
            if (begin[i] < 0 || end[i] > shape.dim(i) || begin[i] > end[i]) {
                throw new IllegalArgumentException(
                        "slice: range ["
                                + begin[i]
                                + ", "
                                + end[i]
                                + ") on axis "
                                + i
                                + " is outside [0, "
                                + shape.dim(i)
                                + "] of shape "
                                + shape);
            }
        }
        int[][] attr = {begin.clone(), end.clone()};
        return make(backend().slice(buffer(), begin, end), Primitive.SLICE, attr, this);
    }

    /**
     * Joins tensors along an existing axis.
     *
     * @param ts the tensors, at least one, same dtype, same sizes except along {@code axis}
     * @param axis the axis
     * @return the joined tensor
     */
    public static Tensor concat(List<Tensor> ts, int axis) {
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        Tensor first = ts.get(0);
        int ax = first.shape.normalizeAxis(axis, "concat");
        int[] od = first.shape.dims();
        od[ax] = 0;
        Buffer[] bufs = new Buffer[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            Tensor t = ts.get(i);
            first.sameBackend(t, "concat");
            first.sameDType(t, "concat");
            if (t.rank() != first.rank()) {
                throw new IllegalArgumentException(
                        "concat: tensor "
                                + i
                                + " has shape "
                                + t.shape
                                + ", tensor 0 has "
                                + first.shape);
            }
            for (int d = 0; d < od.length; d++) {
                if (d != ax && t.shape.dim(d) != first.shape.dim(d)) {
                    throw new IllegalArgumentException(
                            "concat: along axis "
                                    + ax
                                    + ", tensor "
                                    + i
                                    + " has shape "
                                    + t.shape
                                    + " but tensor 0 has "
                                    + first.shape
                                    + " (they may differ only on the concat axis)");
                }
            }
            od[ax] += t.shape.dim(ax);
            bufs[i] = t.buffer();
        }
        if (ts.size() == 1) {
            return first;
        }
        Buffer out = first.backend().concat(bufs, ax, Shape.of(od));
        return first.make(out, Primitive.CONCAT, ax, ts.toArray(new Tensor[0]));
    }

    /**
     * Selects slices along an axis by INT32 index.
     *
     * @param axis the axis
     * @param indices INT32 indices of any shape, each in {@code [0, dim(axis))}
     * @return a tensor of shape {@code shape[:axis] + indices.shape + shape[axis+1:]}
     */
    public Tensor gather(int axis, Tensor indices) {
        int ax = shape.normalizeAxis(axis, "gather");
        checkIndices(indices, shape.dim(ax), "gather");
        sameBackend(indices, "gather");
        return make(
                backend().gather(buffer(), ax, indices.buffer()),
                Primitive.GATHER,
                ax,
                this,
                indices);
    }

    /**
     * Adds slices of {@code src} into a zero tensor of shape {@code dims} at the given indices
     * along {@code axis}; the adjoint of {@link #gather}.
     *
     * @param src the values
     * @param axis the axis
     * @param indices INT32 indices
     * @param dims the result shape
     * @return the result
     */
    public static Tensor scatterAdd(Tensor src, int axis, Tensor indices, int... dims) {
        Shape out = Shape.of(dims);
        int ax = out.normalizeAxis(axis, "scatterAdd");
        checkIndices(indices, out.dim(ax), "scatterAdd");
        src.sameBackend(indices, "scatterAdd");
        int[] od = out.dims();
        int[] id = indices.shape.dims();
        int[] want = new int[od.length - 1 + id.length];
        System.arraycopy(od, 0, want, 0, ax);
        System.arraycopy(id, 0, want, ax, id.length);
        System.arraycopy(od, ax + 1, want, ax + id.length, od.length - ax - 1);
        if (!Shape.of(want).equals(src.shape)) {
            throw new IllegalArgumentException(
                    "scatterAdd: src must have shape "
                            + Arrays.toString(want)
                            + ", found "
                            + src.shape);
        }
        Buffer buf = src.backend().scatterAdd(out, ax, indices.buffer(), src.buffer());
        return src.make(buf, Primitive.SCATTER_ADD, ax, indices, src);
    }

    private static void checkIndices(Tensor idx, int bound, String op) {
        if (idx.dtype != DType.INT32) {
            throw new IllegalArgumentException(op + ": indices must be INT32, found " + idx.dtype);
        }
        for (int v : idx.toIntArray()) {
            if (v < 0 || v >= bound) {
                throw new IndexOutOfBoundsException(
                        op + ": index " + v + " is outside [0, " + bound + ")");
            }
        }
    }

    /**
     * One-hot encodes INT32 class indices along a new last axis.
     *
     * @param depth the number of classes
     * @param dtype the dtype of the result
     * @return a tensor of shape {@code shape + [depth]}
     */
    public Tensor oneHot(int depth, DType dtype) {
        if (this.dtype != DType.INT32) {
            throw new IllegalArgumentException(
                    "oneHot: indices must be INT32, found " + this.dtype);
        }
        Tensor t = fresh(backend(), backend().oneHot(buffer(), depth, dtype), null);
        Recorder r = Recorder.current();
        if (r != null) {
            r.oneHot(depth, t, this);
        }
        return t;
    }

    /**
     * Converts to another dtype; gradients flow between floating dtypes.
     *
     * @param to the target dtype
     * @return the converted tensor (this tensor if the dtype already matches)
     */
    public Tensor cast(DType to) {
        if (to == dtype) {
            return this;
        }
        Buffer buf = backend().cast(buffer(), to);
        if (dtype.isFloating() && to.isFloating()) {
            return make(buf, Primitive.CAST, null, this);
        }
        Tensor t = fresh(backend(), buf, null);
        Recorder r = Recorder.current();
        if (r != null) {
            r.cast(t, this);
        }
        return t;
    }

    // ------------------------------------------------------------------ elementwise API

    /**
     * Elementwise sum.
     *
     * @param o the other operand
     * @return {@code this + o}
     */
    public Tensor add(Tensor o) {
        return binary(BinaryOp.ADD, o);
    }

    /**
     * Adds a constant.
     *
     * @param v the constant
     * @return {@code this + v}
     */
    public Tensor add(double v) {
        return binary(BinaryOp.ADD, scalarLike(v));
    }

    /**
     * Elementwise difference.
     *
     * @param o the other operand
     * @return {@code this - o}
     */
    public Tensor sub(Tensor o) {
        return binary(BinaryOp.SUB, o);
    }

    /**
     * Subtracts a constant.
     *
     * @param v the constant
     * @return {@code this - v}
     */
    public Tensor sub(double v) {
        return binary(BinaryOp.SUB, scalarLike(v));
    }

    /**
     * Elementwise product.
     *
     * @param o the other operand
     * @return {@code this * o}
     */
    public Tensor mul(Tensor o) {
        return binary(BinaryOp.MUL, o);
    }

    /**
     * Multiplies by a constant.
     *
     * @param v the constant
     * @return {@code this * v}
     */
    public Tensor mul(double v) {
        return binary(BinaryOp.MUL, scalarLike(v));
    }

    /**
     * Elementwise quotient.
     *
     * @param o the other operand
     * @return {@code this / o}
     */
    public Tensor div(Tensor o) {
        return binary(BinaryOp.DIV, o);
    }

    /**
     * Divides by a constant.
     *
     * @param v the constant
     * @return {@code this / v}
     */
    public Tensor div(double v) {
        return binary(BinaryOp.DIV, scalarLike(v));
    }

    /**
     * Elementwise power.
     *
     * @param o the exponent
     * @return {@code this ^ o}
     */
    public Tensor pow(Tensor o) {
        return binary(BinaryOp.POW, o);
    }

    /**
     * Raises to a constant power.
     *
     * @param v the exponent
     * @return {@code this ^ v}
     */
    public Tensor pow(double v) {
        return binary(BinaryOp.POW, scalarLike(v));
    }

    /**
     * Elementwise maximum.
     *
     * @param o the other operand
     * @return the larger values
     */
    public Tensor maximum(Tensor o) {
        return binary(BinaryOp.MAX, o);
    }

    /**
     * Elementwise minimum.
     *
     * @param o the other operand
     * @return the smaller values
     */
    public Tensor minimum(Tensor o) {
        return binary(BinaryOp.MIN, o);
    }

    /**
     * Elementwise {@code this < o}.
     *
     * @param o the other operand
     * @return a BOOL tensor
     */
    public Tensor lt(Tensor o) {
        return compare(CompareOp.LT, o);
    }

    /**
     * Elementwise {@code this < v}.
     *
     * @param v the constant
     * @return a BOOL tensor
     */
    public Tensor lt(double v) {
        return compare(CompareOp.LT, scalarLike(v));
    }

    /**
     * Elementwise {@code this <= o}.
     *
     * @param o the other operand
     * @return a BOOL tensor
     */
    public Tensor le(Tensor o) {
        return compare(CompareOp.LE, o);
    }

    /**
     * Elementwise {@code this > o}.
     *
     * @param o the other operand
     * @return a BOOL tensor
     */
    public Tensor gt(Tensor o) {
        return o.compare(CompareOp.LT, this);
    }

    /**
     * Elementwise {@code this > v}.
     *
     * @param v the constant
     * @return a BOOL tensor
     */
    public Tensor gt(double v) {
        return scalarLike(v).compare(CompareOp.LT, this);
    }

    /**
     * Elementwise {@code this >= o}.
     *
     * @param o the other operand
     * @return a BOOL tensor
     */
    public Tensor ge(Tensor o) {
        return o.compare(CompareOp.LE, this);
    }

    /**
     * Elementwise {@code this == o}.
     *
     * @param o the other operand
     * @return a BOOL tensor
     */
    public Tensor eq(Tensor o) {
        return compare(CompareOp.EQ, o);
    }

    /**
     * Elementwise {@code this == v}.
     *
     * @param v the constant
     * @return a BOOL tensor
     */
    public Tensor eq(double v) {
        return compare(CompareOp.EQ, scalarLike(v));
    }

    /**
     * Negation.
     *
     * @return {@code -this}
     */
    public Tensor neg() {
        return unary(UnaryOp.NEG);
    }

    /**
     * Exponential.
     *
     * @return {@code e^this}
     */
    public Tensor exp() {
        return unary(UnaryOp.EXP);
    }

    /**
     * Natural logarithm.
     *
     * @return {@code log(this)}
     */
    public Tensor log() {
        return unary(UnaryOp.LOG);
    }

    /**
     * {@code log(1 + x)}, accurate for small x.
     *
     * @return the result
     */
    public Tensor log1p() {
        return unary(UnaryOp.LOG1P);
    }

    /**
     * {@code e^x - 1}, accurate for small x.
     *
     * @return the result
     */
    public Tensor expm1() {
        return unary(UnaryOp.EXPM1);
    }

    /**
     * Square root.
     *
     * @return the result
     */
    public Tensor sqrt() {
        return unary(UnaryOp.SQRT);
    }

    /**
     * Absolute value.
     *
     * @return the result
     */
    public Tensor abs() {
        return unary(UnaryOp.ABS);
    }

    /**
     * Sign: -1, 0 or 1.
     *
     * @return the result
     */
    public Tensor sign() {
        return unary(UnaryOp.SIGN);
    }

    /**
     * Sine.
     *
     * @return the result
     */
    public Tensor sin() {
        return unary(UnaryOp.SIN);
    }

    /**
     * Cosine.
     *
     * @return the result
     */
    public Tensor cos() {
        return unary(UnaryOp.COS);
    }

    /**
     * Hyperbolic tangent.
     *
     * @return the result
     */
    public Tensor tanh() {
        return unary(UnaryOp.TANH);
    }

    /**
     * Logistic sigmoid {@code 1 / (1 + e^-x)}.
     *
     * @return the result
     */
    public Tensor sigmoid() {
        return unary(UnaryOp.SIGMOID);
    }

    /**
     * {@code log |Gamma(x)|}.
     *
     * @return the result
     */
    public Tensor lgamma() {
        return unary(UnaryOp.LGAMMA);
    }

    /**
     * The digamma function.
     *
     * @return the result
     */
    public Tensor digamma() {
        return unary(UnaryOp.DIGAMMA);
    }

    /**
     * The trigamma function.
     *
     * @return the result
     */
    public Tensor trigamma() {
        return unary(UnaryOp.TRIGAMMA);
    }

    /**
     * The error function.
     *
     * @return the result
     */
    public Tensor erf() {
        return unary(UnaryOp.ERF);
    }

    // composites live in TensorOps to keep this file to the primitives; the fluent entry points
    // below delegate there.

    /**
     * Square.
     *
     * @return {@code x * x}
     */
    public Tensor square() {
        return mul(this);
    }

    /**
     * Reciprocal.
     *
     * @return {@code 1 / x}
     */
    public Tensor reciprocal() {
        return scalarLike(1).div(this);
    }

    /**
     * Rectified linear unit; its gradient at 0 is 0.
     *
     * @return {@code max(x, 0)}
     */
    public Tensor relu() {
        return TensorOps.relu(this);
    }

    /**
     * Softplus {@code log(1 + e^x)}, stable for large |x|.
     *
     * @return the result
     */
    public Tensor softplus() {
        return TensorOps.softplus(this);
    }

    /**
     * {@code log(sigmoid(x))} computed stably as {@code -softplus(-x)}.
     *
     * @return the result
     */
    public Tensor logSigmoid() {
        return neg().softplus().neg();
    }

    /**
     * Clamps into {@code [lo, hi]}; the gradient is 1 inside and 0 outside.
     *
     * @param lo the lower bound
     * @param hi the upper bound
     * @return the clamped tensor
     */
    public Tensor clamp(double lo, double hi) {
        return TensorOps.clamp(this, lo, hi);
    }

    /**
     * Mean over axes (all when none given).
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes
     * @return the means
     */
    public Tensor mean(boolean keepDims, int... axes) {
        return TensorOps.mean(this, keepDims, axes);
    }

    /**
     * Mean of all elements.
     *
     * @return a scalar
     */
    public Tensor mean() {
        return TensorOps.mean(this, false);
    }

    /**
     * Minimum over axes (all when none given).
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes
     * @return the minima
     */
    public Tensor min(boolean keepDims, int... axes) {
        return neg().max(keepDims, axes).neg();
    }

    /**
     * {@code log(sum(exp(x)))} over axes, computed stably by shifting with the maximum.
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none given)
     * @return the result
     */
    public Tensor logSumExp(boolean keepDims, int... axes) {
        return TensorOps.logSumExp(this, keepDims, axes);
    }

    /**
     * Softmax along an axis.
     *
     * @param axis the axis
     * @return probabilities summing to 1 along {@code axis}
     */
    public Tensor softmax(int axis) {
        return logSoftmax(axis).exp();
    }

    /**
     * Log-softmax along an axis: {@code x - logSumExp(x)}.
     *
     * @param axis the axis
     * @return log-probabilities along {@code axis}
     */
    public Tensor logSoftmax(int axis) {
        return sub(logSumExp(true, axis));
    }

    /**
     * Elementwise binary cross-entropy of probabilities {@code this} against targets in [0, 1],
     * with logs clamped at -100 as PyTorch does.
     *
     * @param target the targets
     * @return {@code -(t log p + (1-t) log(1-p))}, not reduced
     */
    public Tensor binaryCrossEntropy(Tensor target) {
        return TensorOps.binaryCrossEntropy(this, target);
    }

    /**
     * Elementwise binary cross-entropy with logits {@code this}: {@code softplus(x) - t x}, stable
     * for any logit.
     *
     * @param target the targets
     * @return the losses, not reduced
     */
    public Tensor binaryCrossEntropyWithLogits(Tensor target) {
        return softplus().sub(target.mul(this));
    }

    /**
     * Tells where values are finite (neither NaN nor infinite).
     *
     * @return a BOOL tensor
     */
    public Tensor isFinite() {
        return sub(this).eq(0);
    }

    /**
     * Swaps the last two axes.
     *
     * @return the transposed tensor
     */
    public Tensor transpose() {
        return TensorOps.swapAxes(this, -2, -1);
    }

    /**
     * Swaps two axes.
     *
     * @param a one axis
     * @param b the other axis
     * @return the tensor with the two axes exchanged
     */
    public Tensor transpose(int a, int b) {
        return TensorOps.swapAxes(this, a, b);
    }

    /**
     * Inserts an axis of size 1.
     *
     * @param axis where the new axis goes, in {@code [-rank-1, rank]}
     * @return the expanded tensor
     */
    public Tensor unsqueeze(int axis) {
        return TensorOps.unsqueeze(this, axis);
    }

    /**
     * Removes an axis of size 1.
     *
     * @param axis the axis
     * @return the squeezed tensor
     */
    public Tensor squeeze(int axis) {
        return TensorOps.squeeze(this, axis);
    }

    /**
     * Flattens to one dimension.
     *
     * @return a vector
     */
    public Tensor flatten() {
        return reshape(size());
    }

    /**
     * Takes the range {@code [start, end)} along one axis.
     *
     * @param axis the axis
     * @param start first index
     * @param end end index, exclusive
     * @return the narrowed tensor
     */
    public Tensor narrow(int axis, int start, int end) {
        return TensorOps.narrow(this, axis, start, end);
    }

    /**
     * Takes index {@code i} along the first axis, dropping that axis.
     *
     * @param i the index
     * @return the sub-tensor
     */
    public Tensor get(int i) {
        return narrow(0, i, i + 1).squeeze(0);
    }

    /**
     * Stacks tensors of equal shape along a new axis.
     *
     * @param ts the tensors
     * @param axis where the new axis goes
     * @return the stacked tensor
     */
    public static Tensor stack(List<Tensor> ts, int axis) {
        return TensorOps.stack(ts, axis);
    }
}
