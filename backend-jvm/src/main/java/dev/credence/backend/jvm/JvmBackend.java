package dev.credence.backend.jvm;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BinaryOp;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.CompareOp;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.ReduceOp;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.UnaryOp;
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

    private static JvmBuffer jb(Buffer b) {
        return (JvmBuffer) b;
    }

    @Override
    public String name() {
        return "jvm";
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
        return JvmBuffer.ofF(shape, java.util.Arrays.copyOf(data, shape.size()));
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
        JvmBuffer r = JvmBuffer.alloc(shape, dtype);
        if (value != 0 || 1 / value < 0) {
            switch (dtype) {
                case FLOAT64 -> java.util.Arrays.fill(r.d, value);
                case FLOAT32 -> java.util.Arrays.fill(r.f, (float) value);
                case INT32 -> java.util.Arrays.fill(r.i, (int) value);
                case BOOL -> java.util.Arrays.fill(r.i, value != 0 ? 1 : 0);
            }
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
        // Heap arrays: nothing to free eagerly.
    }

    @Override
    public Buffer unary(UnaryOp op, Buffer x) {
        return Unary.apply(op, jb(x));
    }

    @Override
    public Buffer binary(BinaryOp op, Buffer a, Buffer b, Shape out) {
        return Binary.apply(op, jb(a), jb(b), out);
    }

    @Override
    public Buffer compare(CompareOp op, Buffer a, Buffer b, Shape out) {
        return Binary.compare(op, jb(a), jb(b), out);
    }

    @Override
    public Buffer where(Buffer cond, Buffer a, Buffer b, Shape out) {
        return Binary.where(jb(cond), jb(a), jb(b), out);
    }

    @Override
    public Buffer reduce(ReduceOp op, Buffer x, int[] axes, boolean keepDims) {
        return Reductions.reduce(op, jb(x), axes, keepDims);
    }

    @Override
    public Buffer matmul(Buffer a, Buffer b, Shape out) {
        JvmBuffer ja = jb(a);
        JvmBuffer jbb = jb(b);
        long work = (long) out.size() * ja.shape.dim(-1);
        ExecutorService p = work >= MatMul.SMALL ? pool() : null;
        return MatMul.apply(ja, jbb, out, p, p == null ? 1 : threads);
    }

    @Override
    public Buffer reshape(Buffer x, Shape shape) {
        return jb(x).withShape(shape);
    }

    @Override
    public Buffer permute(Buffer x, int[] perm) {
        return Movement.permute(jb(x), perm);
    }

    @Override
    public Buffer broadcastTo(Buffer x, Shape shape) {
        return Movement.broadcastTo(jb(x), shape);
    }

    @Override
    public Buffer slice(Buffer x, int[] begin, int[] end) {
        return Movement.slice(jb(x), begin, end);
    }

    @Override
    public Buffer concat(Buffer[] xs, int axis, Shape out) {
        JvmBuffer[] j = new JvmBuffer[xs.length];
        for (int k = 0; k < xs.length; k++) {
            j[k] = jb(xs[k]);
        }
        return Movement.concat(j, axis, out);
    }

    @Override
    public Buffer gather(Buffer x, int axis, Buffer indices) {
        return Movement.gather(jb(x), axis, jb(indices));
    }

    @Override
    public Buffer scatterAdd(Shape out, int axis, Buffer indices, Buffer src) {
        return Movement.scatterAdd(out, axis, jb(indices), jb(src));
    }

    @Override
    public Buffer oneHot(Buffer indices, int depth, DType dtype) {
        return Movement.oneHot(jb(indices), depth, dtype);
    }

    @Override
    public Buffer cast(Buffer x, DType dtype) {
        return Movement.cast(jb(x), dtype);
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
