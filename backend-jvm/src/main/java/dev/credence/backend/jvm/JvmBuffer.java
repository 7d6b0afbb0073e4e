package dev.credence.backend.jvm;

import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;

/**
 * A row-major Java array with its shape. Exactly one array is set: {@code d} for FLOAT64, {@code f}
 * for FLOAT32, {@code i} for INT32 and BOOL (as 0 and 1). Buffers are never written after
 * construction, so a reshape may share its input's array.
 */
final class JvmBuffer implements Buffer {
    final Shape shape;
    final DType dtype;
    final double[] d;
    final float[] f;
    final int[] i;

    private JvmBuffer(Shape shape, DType dtype, double[] d, float[] f, int[] i) {
        this.shape = shape;
        this.dtype = dtype;
        this.d = d;
        this.f = f;
        this.i = i;
    }

    static JvmBuffer ofD(Shape s, double[] d) {
        return new JvmBuffer(s, DType.FLOAT64, d, null, null);
    }

    static JvmBuffer ofF(Shape s, float[] f) {
        return new JvmBuffer(s, DType.FLOAT32, null, f, null);
    }

    static JvmBuffer ofI(Shape s, DType dtype, int[] i) {
        return new JvmBuffer(s, dtype, null, null, i);
    }

    /** A new zeroed buffer. */
    static JvmBuffer alloc(Shape s, DType dtype) {
        int n = s.size();
        return switch (dtype) {
            case FLOAT64 -> ofD(s, new double[n]);
            case FLOAT32 -> ofF(s, new float[n]);
            case INT32, BOOL -> ofI(s, dtype, new int[n]);
        };
    }

    /** The same array under another shape. */
    JvmBuffer withShape(Shape s) {
        return new JvmBuffer(s, dtype, d, f, i);
    }

    /** Element k as a double. */
    double get(int k) {
        return d != null ? d[k] : f != null ? f[k] : i[k];
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
