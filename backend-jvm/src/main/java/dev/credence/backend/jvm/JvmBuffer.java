package dev.credence.backend.jvm;

import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A row-major Java array with its shape. Exactly one array is set: {@code d} for FLOAT64, {@code f}
 * for FLOAT32, {@code i} for INT32 and BOOL (as 0 and 1). Buffers are never written after
 * construction, so a reshape may share its input's array.
 *
 * <p>Arrays of kernel results come from the {@link ArrayPool} and go back to it when the last
 * buffer sharing them is released (a count of the buffers sharing an array is kept for that); an
 * array whose buffers are never released is simply collected. Releasing a buffer twice does nothing
 * the second time.
 */
final class JvmBuffer implements Buffer {
    final Shape shape;
    final DType dtype;
    final double[] d;
    final float[] f;
    final int[] i;
    private final Share share;
    private boolean released;

    /** The buffers sharing one pooled array: returns it to the pool when the last is released. */
    private static final class Share {
        final AtomicInteger users = new AtomicInteger(1);
    }

    private JvmBuffer(Shape shape, DType dtype, double[] d, float[] f, int[] i, Share share) {
        this.shape = shape;
        this.dtype = dtype;
        this.d = d;
        this.f = f;
        this.i = i;
        this.share = share;
    }

    static JvmBuffer ofD(Shape s, double[] d) {
        return new JvmBuffer(s, DType.FLOAT64, d, null, null, null);
    }

    static JvmBuffer ofF(Shape s, float[] f) {
        return new JvmBuffer(s, DType.FLOAT32, null, f, null, null);
    }

    static JvmBuffer ofI(Shape s, DType dtype, int[] i) {
        return new JvmBuffer(s, dtype, null, null, i, null);
    }

    /** A new zeroed buffer. */
    static JvmBuffer alloc(Shape s, DType dtype) {
        JvmBuffer b = output(s, dtype);
        if (b.share != null) {
            switch (dtype) {
                case FLOAT64 -> Arrays.fill(b.d, 0);
                case FLOAT32 -> Arrays.fill(b.f, 0);
                case INT32, BOOL -> Arrays.fill(b.i, 0);
            }
        }
        return b;
    }

    /**
     * A new buffer whose array may come from the pool and hold old values: for kernels that write
     * every element.
     */
    static JvmBuffer output(Shape s, DType dtype) {
        int n = s.size();
        Share sh = n >= ArrayPool.MIN_LENGTH ? new Share() : null;
        ArrayPool p = ArrayPool.SHARED;
        return switch (dtype) {
            case FLOAT64 -> new JvmBuffer(s, dtype, p.doubles(n), null, null, sh);
            case FLOAT32 -> new JvmBuffer(s, dtype, null, p.floats(n), null, sh);
            case INT32, BOOL -> new JvmBuffer(s, dtype, null, null, p.ints(n), sh);
        };
    }

    /** The same array under another shape. */
    JvmBuffer withShape(Shape s) {
        if (share != null) {
            share.users.incrementAndGet();
        }
        return new JvmBuffer(s, dtype, d, f, i, share);
    }

    /** Element k as a double. */
    double get(int k) {
        return d != null ? d[k] : f != null ? f[k] : i[k];
    }

    /** Gives the array back to the pool if this was the last buffer using it. */
    void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        if (share != null && share.users.decrementAndGet() == 0) {
            if (d != null) {
                ArrayPool.SHARED.give(d);
            } else if (f != null) {
                ArrayPool.SHARED.give(f);
            } else {
                ArrayPool.SHARED.give(i);
            }
        }
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }
}
