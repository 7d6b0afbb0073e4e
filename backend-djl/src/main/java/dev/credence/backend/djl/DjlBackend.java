package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.lang.ref.Reference;

/**
 * The Credence backend on PyTorch through DJL, on the CPU ({@code djl}) or one CUDA GPU ({@code
 * djl-gpu}). Create it through {@link DjlCpuProvider} or {@link DjlGpuProvider}.
 *
 * <h2>Memory</h2>
 *
 * Every buffer is one PyTorch tensor attached to this backend's DJL {@code NDManager}, in native
 * memory that the Java garbage collector does not see. {@link #release(Buffer)} frees it at once;
 * the API calls it for every tensor created inside a {@link dev.credence.api.tensor.TensorScope}
 * when the scope closes, so a training step wrapped in a scope returns all its memory. Buffers that
 * are never released are freed when they become unreachable, which can be much later. {@link
 * #liveBuffers()} counts the buffers not yet freed, and {@link #close()} frees everything this
 * backend still holds.
 *
 * <h2>Devices</h2>
 *
 * All buffers of one backend live on its {@link #device()}. Data crosses devices only when asked:
 * through the host ({@code toDoubles}, {@code fromDoubles}, ...) or directly with {@link
 * #copyTo(Buffer, DjlBackend)}. Digamma, trigamma, scatter-add, the Cholesky factorisation and
 * triangular solves have no PyTorch binding in DJL 0.36 and run on the host (see {@code
 * HostKernels} and {@code Matrices}); on a GPU they copy their operands to the host and back.
 *
 * <h2>Numbers</h2>
 *
 * Results follow the reference backend: NaN and infinities as {@link Math} treats them, BOOL read
 * back as 0 and 1, casts truncating and saturating like Java. FLOAT32 sums are PyTorch's cascaded
 * sums, accurate to a few units in the last place over millions of terms.
 */
public final class DjlBackend implements Backend, AutoCloseable {

    private final String name;
    private final NDManager manager;
    private final Device device;
    private final LiveCount live = new LiveCount();

    DjlBackend(String name, NDManager manager, Device device) {
        this.name = name;
        this.manager = manager;
        this.device = device;
    }

    private static NDArray nd(Buffer b) {
        return ((DjlBuffer) b).array;
    }

    private Buffer own(NDArray a, Shape shape, DType dtype) {
        return DjlBuffer.own(a, shape, dtype, live, false);
    }

    /** Owns an array this backend allocated itself, dense and row-major. */
    private Buffer ownDense(NDArray a, Shape shape, DType dtype) {
        return DjlBuffer.own(a, shape, dtype, live, true);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Every primitive, the optional ones included: libtorch has softplus and relu kernels, and on
     * the CPU the optimizer primitives run over its memory ({@link Updates}); on a GPU the API
     * composes those from libtorch's arithmetic.
     */
    @Override
    public boolean supports(Primitive op) {
        return op.family() != Primitive.Family.UPDATE || !manager.getDevice().isGpu();
    }

    @Override
    public Device device() {
        return device;
    }

    /**
     * Returns how many buffers of this backend are alive: created and neither released nor
     * collected. A loop that releases what it creates keeps this number flat.
     *
     * @return the number of live buffers
     */
    public long liveBuffers() {
        return live.get();
    }

    /**
     * Copies a buffer of this backend to another DJL backend's device without a trip through Java
     * arrays (PyTorch copies host to device, device to host or device to device directly).
     *
     * @param x a buffer of this backend
     * @param target the backend that will own the copy, possibly this one
     * @return a new buffer of {@code target}
     */
    public Buffer copyTo(Buffer x, DjlBackend target) {
        try {
            NDArray moved = nd(x).toDevice(target.manager.getDevice(), true);
            moved.attach(target.manager);
            return target.own(moved, x.shape(), x.dtype());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    // ---- creation and transfer ----

    @Override
    public Buffer fromDoubles(double[] data, Shape shape, DType dtype) {
        return ownDense(Creation.fromDoubles(manager, data, shape, dtype), shape, dtype);
    }

    @Override
    public Buffer fromFloats(float[] data, Shape shape) {
        return ownDense(Creation.fromFloats(manager, data, shape), shape, DType.FLOAT32);
    }

    @Override
    public Buffer fromInts(int[] data, Shape shape, DType dtype) {
        return ownDense(Creation.fromInts(manager, data, shape, dtype), shape, dtype);
    }

    @Override
    public Buffer full(double value, Shape shape, DType dtype) {
        return ownDense(Creation.full(manager, value, shape, dtype), shape, dtype);
    }

    @Override
    public double[] toDoubles(Buffer x) {
        try {
            return Creation.toDoubles(nd(x), x.dtype(), x.shape().size());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public float[] toFloats(Buffer x) {
        try {
            return Creation.toFloats(nd(x), x.dtype(), x.shape().size());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public int[] toInts(Buffer x) {
        try {
            return Creation.toInts(nd(x), x.dtype(), x.shape().size());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public void release(Buffer x) {
        ((DjlBuffer) x).release();
    }

    // ---- primitives ----

    @Override
    public Buffer execute(
            Primitive op, Attributes attributes, Buffer[] in, Shape shape, DType dtype) {
        try {
            if (op == Primitive.GATHER && hostGather(in[0])) {
                return ownDense(
                        HostGather.apply(
                                manager,
                                nd(in[0]),
                                in[0].shape(),
                                ((Attributes.Axis) attributes).axis(),
                                nd(in[1]),
                                in[1].shape().size(),
                                shape,
                                dtype),
                        shape,
                        dtype);
            }
            NDArray a = kernel(op, attributes, in, shape, dtype);
            // libtorch reshapes a dense array as a view that is dense too
            boolean dense =
                    op.family() == Primitive.Family.UPDATE
                            || (op == Primitive.RESHAPE && ((DjlBuffer) in[0]).dense);
            return dense ? ownDense(a, shape, dtype) : own(a, shape, dtype);
        } finally {
            Reference.reachabilityFence(in);
        }
    }

    /** Whether GATHER reads its source in place: a dense array in host memory. */
    private boolean hostGather(Buffer x) {
        return ((DjlBuffer) x).dense
                && !manager.getDevice().isGpu()
                && (long) x.shape().size() * x.dtype().byteSize() <= Integer.MAX_VALUE;
    }

    private NDArray kernel(
            Primitive op, Attributes attributes, Buffer[] in, Shape shape, DType dtype) {
        Buffer x = in[0];
        return switch (op) {
            case DIGAMMA, TRIGAMMA -> HostKernels.unary(manager, op, nd(x), shape, dtype);
            case NEG,
                    EXP,
                    LOG,
                    LOG1P,
                    EXPM1,
                    SQRT,
                    ABS,
                    SIGN,
                    SIN,
                    COS,
                    TANH,
                    SIGMOID,
                    SOFTPLUS,
                    RELU,
                    LGAMMA,
                    ERF ->
                    Elementwise.unary(op, nd(x));
            case ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM ->
                    Elementwise.binary(op, nd(x), nd(in[1]));
            case LT, LE, EQ -> Elementwise.compare(op, nd(x), nd(in[1]));
            case WHERE -> Elementwise.where(nd(x), nd(in[1]), nd(in[2]), shape);
            case SUM, MAX -> {
                Attributes.Reduce r = (Attributes.Reduce) attributes;
                yield Reductions.reduce(
                        manager, op, nd(x), x.shape(), dtype, r.axes(), r.keepDims());
            }
            case CUMSUM, CUMPROD ->
                    Scans.apply(manager, op, nd(x), shape, dtype, (Attributes.Scan) attributes);
            case MATMUL ->
                    Matrices.matmul(
                            nd(x),
                            nd(in[1]),
                            (Attributes.MatMul) attributes,
                            x.shape(),
                            in[1].shape());
            case CHOLESKY -> Matrices.cholesky(manager, nd(x), shape, dtype);
            case TRIANGULAR_SOLVE ->
                    Matrices.triangularSolve(
                            manager,
                            nd(x),
                            x.shape(),
                            nd(in[1]),
                            in[1].shape(),
                            (Attributes.Triangular) attributes,
                            shape,
                            dtype);
            case CONV2D ->
                    Windows.conv2d(
                            manager,
                            nd(x),
                            nd(in[1]),
                            (Attributes.Conv2d) attributes,
                            shape,
                            dtype);
            case MAX_POOL2D, AVG_POOL2D ->
                    Windows.pool(manager, op, nd(x), (Attributes.Pool2d) attributes, shape, dtype);
            case RESHAPE -> nd(x).reshape(Types.of(shape));
            case PERMUTE -> nd(x).transpose(((Attributes.Permutation) attributes).order());
            case BROADCAST_TO -> nd(x).broadcast(Types.of(shape));
            case SLICE -> {
                Attributes.Range r = (Attributes.Range) attributes;
                yield Movement.slice(nd(x), r.begin(), r.end());
            }
            case CONCAT -> {
                NDArray[] arrays = new NDArray[in.length];
                for (int k = 0; k < in.length; k++) {
                    arrays[k] = nd(in[k]);
                }
                yield Movement.concat(arrays, ((Attributes.Axis) attributes).axis());
            }
            case GATHER -> Movement.gather(nd(x), ((Attributes.Axis) attributes).axis(), nd(in[1]));
            case SCATTER_ADD ->
                    HostKernels.scatterAdd(
                            manager,
                            shape,
                            ((Attributes.Axis) attributes).axis(),
                            nd(x),
                            x.shape().size(),
                            nd(in[1]),
                            dtype);
            case ONE_HOT -> Movement.oneHot(manager, nd(x), shape.dim(-1), dtype);
            case CAST -> Movement.cast(nd(x), x.dtype(), dtype);
            case EMA, RMS_STEP -> {
                NDArray[] arrays = new NDArray[in.length];
                for (int k = 0; k < in.length; k++) {
                    arrays[k] = nd(in[k]);
                }
                yield Updates.apply(manager, op, attributes, arrays, shape, dtype);
            }
        };
    }

    /** Frees every buffer this backend still holds; the backend cannot be used afterwards. */
    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return name + "(" + device + ")";
    }
}
