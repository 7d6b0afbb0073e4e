package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BinaryOp;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.CompareOp;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.ReduceOp;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.UnaryOp;
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
 * #copyTo(Buffer, DjlBackend)}. Digamma, trigamma and scatter-add have no PyTorch binding in DJL
 * and run on the host (see {@code HostKernels}).
 *
 * <h2>Numbers</h2>
 *
 * Results follow the reference backend: NaN and infinities as {@link Math} treats them, FLOAT32
 * sums accumulated in double, BOOL read back as 0 and 1, casts truncating and saturating like Java.
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
        return DjlBuffer.own(a, shape, dtype, live);
    }

    @Override
    public String name() {
        return name;
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
        return own(Creation.fromDoubles(manager, data, shape, dtype), shape, dtype);
    }

    @Override
    public Buffer fromFloats(float[] data, Shape shape) {
        return own(Creation.fromFloats(manager, data, shape), shape, DType.FLOAT32);
    }

    @Override
    public Buffer fromInts(int[] data, Shape shape, DType dtype) {
        return own(Creation.fromInts(manager, data, shape, dtype), shape, dtype);
    }

    @Override
    public Buffer full(double value, Shape shape, DType dtype) {
        return own(Creation.full(manager, value, shape, dtype), shape, dtype);
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

    // ---- elementwise ----

    @Override
    public Buffer unary(UnaryOp op, Buffer x) {
        try {
            NDArray r =
                    op == UnaryOp.DIGAMMA || op == UnaryOp.TRIGAMMA
                            ? HostKernels.unary(manager, op, nd(x), x.shape(), x.dtype())
                            : Elementwise.unary(op, nd(x));
            return own(r, x.shape(), x.dtype());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public Buffer binary(BinaryOp op, Buffer a, Buffer b, Shape out) {
        try {
            return own(Elementwise.binary(op, nd(a), nd(b)), out, a.dtype());
        } finally {
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
        }
    }

    @Override
    public Buffer compare(CompareOp op, Buffer a, Buffer b, Shape out) {
        try {
            return own(Elementwise.compare(op, nd(a), nd(b)), out, DType.BOOL);
        } finally {
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
        }
    }

    @Override
    public Buffer where(Buffer cond, Buffer a, Buffer b, Shape out) {
        try {
            return own(Elementwise.where(nd(cond), nd(a), nd(b), out), out, a.dtype());
        } finally {
            Reference.reachabilityFence(cond);
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
        }
    }

    // ---- reductions and linear algebra ----

    @Override
    public Buffer reduce(ReduceOp op, Buffer x, int[] axes, boolean keepDims) {
        try {
            NDArray r = Reductions.reduce(manager, op, nd(x), x.shape(), x.dtype(), axes, keepDims);
            return own(r, x.shape().reduce(axes, keepDims), x.dtype());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public Buffer matmul(Buffer a, Buffer b, Shape out) {
        try {
            return own(nd(a).matMul(nd(b)), out, a.dtype());
        } finally {
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
        }
    }

    // ---- movement ----

    @Override
    public Buffer reshape(Buffer x, Shape shape) {
        try {
            return own(nd(x).reshape(Types.of(shape)), shape, x.dtype());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public Buffer permute(Buffer x, int[] perm) {
        try {
            int[] dims = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                dims[i] = x.shape().dim(perm[i]);
            }
            return own(nd(x).transpose(perm), Shape.of(dims), x.dtype());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public Buffer broadcastTo(Buffer x, Shape shape) {
        try {
            return own(nd(x).broadcast(Types.of(shape)), shape, x.dtype());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public Buffer slice(Buffer x, int[] begin, int[] end) {
        try {
            int[] dims = new int[begin.length];
            for (int i = 0; i < begin.length; i++) {
                dims[i] = end[i] - begin[i];
            }
            return own(Movement.slice(nd(x), begin, end), Shape.of(dims), x.dtype());
        } finally {
            Reference.reachabilityFence(x);
        }
    }

    @Override
    public Buffer concat(Buffer[] xs, int axis, Shape out) {
        try {
            NDArray[] arrays = new NDArray[xs.length];
            for (int k = 0; k < xs.length; k++) {
                arrays[k] = nd(xs[k]);
            }
            return own(Movement.concat(arrays, axis), out, xs[0].dtype());
        } finally {
            Reference.reachabilityFence(xs);
        }
    }

    @Override
    public Buffer gather(Buffer x, int axis, Buffer indices) {
        try {
            Shape xs = x.shape();
            Shape is = indices.shape();
            int[] dims = new int[xs.rank() - 1 + is.rank()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] =
                        i < axis
                                ? xs.dim(i)
                                : i < axis + is.rank()
                                        ? is.dim(i - axis)
                                        : xs.dim(i - is.rank() + 1);
            }
            return own(Movement.gather(nd(x), axis, nd(indices)), Shape.of(dims), x.dtype());
        } finally {
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(indices);
        }
    }

    @Override
    public Buffer scatterAdd(Shape out, int axis, Buffer indices, Buffer src) {
        try {
            int count = indices.shape().size();
            NDArray r =
                    HostKernels.scatterAdd(
                            manager, out, axis, nd(indices), count, nd(src), src.dtype());
            return own(r, out, src.dtype());
        } finally {
            Reference.reachabilityFence(indices);
            Reference.reachabilityFence(src);
        }
    }

    @Override
    public Buffer oneHot(Buffer indices, int depth, DType dtype) {
        try {
            int[] id = indices.shape().dims();
            int[] od = java.util.Arrays.copyOf(id, id.length + 1);
            od[id.length] = depth;
            return own(Movement.oneHot(manager, nd(indices), depth, dtype), Shape.of(od), dtype);
        } finally {
            Reference.reachabilityFence(indices);
        }
    }

    @Override
    public Buffer cast(Buffer x, DType dtype) {
        try {
            return own(Movement.cast(nd(x), x.dtype(), dtype), x.shape(), dtype);
        } finally {
            Reference.reachabilityFence(x);
        }
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
