package dev.credence.backend.jvm;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pure-Java backend: every primitive over Java arrays. Buffers are plain heap arrays, so {@link
 * #release(Buffer)} only drops the reference; the garbage collector reclaims the memory. Large
 * matrix products use a fixed pool of daemon threads ({@code threads} option, default the number of
 * processors).
 */
public final class JvmBackend implements Backend {

    private final int threads;
    private volatile ExecutorService pool;
    private volatile Parallel parallel;

    /**
     * Creates a backend.
     *
     * @param threads the number of threads for large kernels, at least 1
     */
    public JvmBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "jvm backend: threads must be >= 1, found " + threads);
        }
        this.threads = threads;
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p != null && p.isShutdown()) {
            return null;
        }
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    AtomicInteger count = new AtomicInteger();
                    p =
                            Executors.newFixedThreadPool(
                                    Math.max(1, threads - 1),
                                    r -> {
                                        Thread t =
                                                new Thread(
                                                        r,
                                                        "credence-jvm-" + count.incrementAndGet());
                                        t.setDaemon(true);
                                        return t;
                                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    /** The loop splitter over the kernel threads (serial with one thread). */
    private Parallel parallel() {
        Parallel p = parallel;
        if (p == null) {
            p = threads <= 1 ? Parallel.SERIAL : new Parallel(pool(), threads);
            parallel = p;
        }
        return p;
    }

    private static JvmBuffer jb(Buffer b) {
        return (JvmBuffer) b;
    }

    @Override
    public String name() {
        return "jvm";
    }

    /** Supplies the optimizer primitives; softplus and ReLU are composed by the API. */
    @Override
    public boolean supports(Primitive op) {
        return !op.optional() || op.family() == Primitive.Family.UPDATE;
    }

    @Override
    public Device device() {
        return Device.CPU;
    }

    @Override
    public Buffer fromDoubles(double[] data, Shape shape, DType dtype) {
        int n = shape.size();
        return switch (dtype) {
            case FLOAT64 -> JvmBuffer.ofD(shape, java.util.Arrays.copyOf(data, n));
            case FLOAT32 -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) {
                    f[k] = (float) data[k];
                }
                yield JvmBuffer.ofF(shape, f);
            }
            case INT32, BOOL -> {
                int[] v = new int[n];
                for (int k = 0; k < n; k++) {
                    v[k] = dtype == DType.BOOL ? (data[k] != 0 ? 1 : 0) : (int) data[k];
                }
                yield JvmBuffer.ofI(shape, dtype, v);
            }
        };
    }

    @Override
    public Buffer fromFloats(float[] data, Shape shape) {
        JvmBuffer r = JvmBuffer.output(shape, DType.FLOAT32);
        System.arraycopy(data, 0, r.f, 0, shape.size());
        return r;
    }

    @Override
    public Buffer fromInts(int[] data, Shape shape, DType dtype) {
        int[] v = java.util.Arrays.copyOf(data, shape.size());
        if (dtype == DType.BOOL) {
            for (int k = 0; k < v.length; k++) {
                v[k] = v[k] != 0 ? 1 : 0;
            }
        } else if (dtype != DType.INT32) {
            double[] d = new double[v.length];
            for (int k = 0; k < v.length; k++) {
                d[k] = v[k];
            }
            return fromDoubles(d, shape, dtype);
        }
        return JvmBuffer.ofI(shape, dtype, v);
    }

    @Override
    public Buffer full(double value, Shape shape, DType dtype) {
        JvmBuffer r = JvmBuffer.output(shape, dtype);
        switch (dtype) {
            case FLOAT64 -> java.util.Arrays.fill(r.d, value);
            case FLOAT32 -> java.util.Arrays.fill(r.f, (float) value);
            case INT32 -> java.util.Arrays.fill(r.i, (int) value);
            case BOOL -> java.util.Arrays.fill(r.i, value != 0 ? 1 : 0);
        }
        return r;
    }

    @Override
    public double[] toDoubles(Buffer x) {
        JvmBuffer b = jb(x);
        if (b.d != null) {
            return b.d.clone();
        }
        int n = b.shape.size();
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = b.get(k);
        }
        return out;
    }

    @Override
    public float[] toFloats(Buffer x) {
        JvmBuffer b = jb(x);
        if (b.f != null) {
            return b.f.clone();
        }
        int n = b.shape.size();
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = (float) b.get(k);
        }
        return out;
    }

    @Override
    public int[] toInts(Buffer x) {
        JvmBuffer b = jb(x);
        if (b.i != null) {
            return b.i.clone();
        }
        int n = b.shape.size();
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = (int) b.get(k);
        }
        return out;
    }

    @Override
    public void release(Buffer x) {
        // Heap arrays: the array goes back to the pool for the next buffer of its length.
        jb(x).release();
    }

    @Override
    public Buffer execute(
            Primitive op, Attributes attributes, Buffer[] in, Shape shape, DType dtype) {
        JvmBuffer x = jb(in[0]);
        return switch (op) {
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
                    LGAMMA,
                    DIGAMMA,
                    TRIGAMMA,
                    ERF ->
                    Unary.apply(op, x, parallel());
            case ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM ->
                    Binary.apply(op, x, jb(in[1]), shape, parallel());
            case LT, LE, EQ -> Selection.compare(op, x, jb(in[1]), shape, parallel());
            case WHERE -> Selection.where(x, jb(in[1]), jb(in[2]), shape, parallel());
            case SUM, MAX -> {
                Attributes.Reduce r = (Attributes.Reduce) attributes;
                yield Reductions.reduce(op, x, r.axes(), r.keepDims());
            }
            case CUMSUM, CUMPROD -> Scans.apply(op, x, (Attributes.Scan) attributes);
            case MATMUL -> matmul(x, jb(in[1]), (Attributes.MatMul) attributes, shape);
            case CHOLESKY -> Factorisations.cholesky(x);
            case TRIANGULAR_SOLVE ->
                    Factorisations.triangularSolve(
                            x, jb(in[1]), (Attributes.Triangular) attributes, shape);
            case CONV2D -> conv2d(x, jb(in[1]), (Attributes.Conv2d) attributes, shape);
            case MAX_POOL2D, AVG_POOL2D ->
                    Pooling.apply(op, x, (Attributes.Pool2d) attributes, shape);
            case RESHAPE -> x.withShape(shape);
            case PERMUTE -> Movement.permute(x, ((Attributes.Permutation) attributes).order());
            case BROADCAST_TO -> Movement.broadcastTo(x, shape);
            case SLICE -> {
                Attributes.Range r = (Attributes.Range) attributes;
                yield Movement.slice(x, r.begin(), r.end());
            }
            case CONCAT -> {
                JvmBuffer[] j = new JvmBuffer[in.length];
                for (int k = 0; k < in.length; k++) {
                    j[k] = jb(in[k]);
                }
                yield Movement.concat(j, ((Attributes.Axis) attributes).axis(), shape);
            }
            case GATHER -> Movement.gather(x, ((Attributes.Axis) attributes).axis(), jb(in[1]));
            case SCATTER_ADD ->
                    Movement.scatterAdd(shape, ((Attributes.Axis) attributes).axis(), x, jb(in[1]));
            case ONE_HOT -> Movement.oneHot(x, shape.dim(shape.rank() - 1), dtype);
            case CAST -> Movement.cast(x, dtype);
            case EMA, RMS_STEP -> {
                JvmBuffer[] j = new JvmBuffer[in.length];
                for (int k = 0; k < in.length; k++) {
                    j[k] = jb(in[k]);
                }
                yield Updates.apply(op, attributes, j, parallel());
            }
            // optional primitives this backend does not supply (supports() is false): the api
            // composes them from the others and never sends them here
            case SOFTPLUS, RELU ->
                    throw new UnsupportedOperationException(
                            op.opName() + " is optional and not supplied by " + name());
        };
    }

    private Buffer matmul(JvmBuffer a, JvmBuffer b, Attributes.MatMul f, Shape out) {
        int k = f.transposeA() ? a.shape.dim(-2) : a.shape.dim(-1);
        long work = (long) out.size() * k;
        ExecutorService p = work >= MatMul.SMALL ? pool() : null;
        return MatMul.apply(a, b, f.transposeA(), f.transposeB(), out, p, p == null ? 1 : threads);
    }

    private Buffer conv2d(JvmBuffer x, JvmBuffer w, Attributes.Conv2d a, Shape out) {
        long work = (long) out.size() * w.shape.size() / Math.max(1, w.shape.dim(0));
        ExecutorService p = work >= MatMul.SMALL ? pool() : null;
        return Convolution.conv2d(x, w, a, out, p, p == null ? 1 : threads);
    }

    /** Stops the kernel threads; the backend still works afterwards, single-threaded. */
    @Override
    public void close() {
        ExecutorService p = pool;
        if (p != null) {
            p.shutdown();
        }
    }

    @Override
    public String toString() {
        return "jvm(threads=" + threads + ")";
    }
}
