package dev.credence.backend.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Moves elements between Java arrays and native arrays, converting with Java's rules.
 *
 * <p>Conversions (double to INT32 truncates toward zero, anything to BOOL is {@code != 0}) are done
 * on the host, in Java, so they match the reference backend bit for bit. On the CPU a new array is
 * allocated by PyTorch and filled in place through a direct view of its memory (one copy); on a GPU
 * the elements are staged in a per-thread direct buffer that PyTorch copies to the device.
 *
 * <p>Reading uses PyTorch's own copy to a Java byte array, which also makes a permuted or broadcast
 * view contiguous without leaving a temporary array attached to the manager.
 */
final class Creation {
    private Creation() {}

    /** Staging buffers up to this size are kept per thread; larger ones are used once. */
    private static final int KEEP_STAGING_BYTES = 16 << 20;

    private static final ThreadLocal<ByteBuffer> STAGING = new ThreadLocal<>();

    static NDArray fromDoubles(NDManager m, double[] data, Shape shape, DType dtype) {
        int n = shape.size();
        return create(
                m,
                shape,
                dtype,
                bb -> {
                    switch (dtype) {
                        case FLOAT64 -> bb.asDoubleBuffer().put(data, 0, n);
                        case FLOAT32 -> {
                            var fb = bb.asFloatBuffer();
                            for (int k = 0; k < n; k++) {
                                fb.put(k, (float) data[k]);
                            }
                        }
                        case INT32 -> {
                            var ib = bb.asIntBuffer();
                            for (int k = 0; k < n; k++) {
                                ib.put(k, (int) data[k]);
                            }
                        }
                        case BOOL -> {
                            for (int k = 0; k < n; k++) {
                                bb.put(k, data[k] != 0 ? (byte) 1 : (byte) 0);
                            }
                        }
                    }
                });
    }

    static NDArray fromFloats(NDManager m, float[] data, Shape shape) {
        int n = shape.size();
        return create(m, shape, DType.FLOAT32, bb -> bb.asFloatBuffer().put(data, 0, n));
    }

    static NDArray fromInts(NDManager m, int[] data, Shape shape, DType dtype) {
        int n = shape.size();
        if (dtype == DType.INT32) {
            return create(m, shape, dtype, bb -> bb.asIntBuffer().put(data, 0, n));
        }
        if (dtype == DType.BOOL) {
            return create(
                    m,
                    shape,
                    dtype,
                    bb -> {
                        for (int k = 0; k < n; k++) {
                            bb.put(k, data[k] != 0 ? (byte) 1 : (byte) 0);
                        }
                    });
        }
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = data[k];
        }
        return fromDoubles(m, d, shape, dtype);
    }

    static NDArray full(NDManager m, double value, Shape shape, DType dtype) {
        double v =
                switch (dtype) {
                    case FLOAT64 -> value;
                    case FLOAT32 -> (float) value;
                    case INT32 -> (int) value;
                    case BOOL -> value != 0 ? 1 : 0;
                };
        if (shape.size() > 0 && ((float) v == v || Double.isNaN(v))) {
            // One native call; the fill value travels as a float, which is exact here.
            return m.full(Types.of(shape), (float) v, Types.of(dtype));
        }
        double[] data = new double[shape.size()];
        java.util.Arrays.fill(data, v);
        return fromDoubles(m, data, shape, dtype);
    }

    /** Allocates an array of the given shape and dtype and lets {@code fill} write its bytes. */
    private static NDArray create(
            NDManager m, Shape shape, DType dtype, Consumer<ByteBuffer> fill) {
        var djlShape = Types.of(shape);
        var djlType = Types.of(dtype);
        int bytes = shape.size() * dtype.byteSize();
        if (bytes == 0) {
            return m.create(djlShape, djlType);
        }
        if (!m.getDevice().isGpu()) {
            NDArray a = m.create(djlShape, djlType);
            ByteBuffer view = a.toByteBuffer(true).order(ByteOrder.nativeOrder());
            fill.accept(view);
            return a;
        }
        ByteBuffer stage = staging(bytes);
        fill.accept(stage);
        return m.create(stage, djlShape, djlType);
    }

    private static ByteBuffer staging(int bytes) {
        ByteBuffer b = STAGING.get();
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            if (bytes <= KEEP_STAGING_BYTES) {
                STAGING.set(b);
            }
        }
        b.clear().limit(bytes);
        return b;
    }

    /** Copies an array's elements to a host byte buffer in native order, row-major. */
    static ByteBuffer bytes(NDArray a) {
        if (a.getDevice().isGpu()) {
            try (NDArray host = a.toDevice(Device.cpu(), false)) {
                return host.toByteBuffer(false).order(ByteOrder.nativeOrder());
            }
        }
        return a.toByteBuffer(false).order(ByteOrder.nativeOrder());
    }

    static double[] toDoubles(NDArray a, DType dtype, int n) {
        ByteBuffer bb = bytes(a);
        double[] out = new double[n];
        switch (dtype) {
            case FLOAT64 -> bb.asDoubleBuffer().get(out);
            case FLOAT32 -> {
                var fb = bb.asFloatBuffer();
                for (int k = 0; k < n; k++) {
                    out[k] = fb.get(k);
                }
            }
            case INT32 -> {
                var ib = bb.asIntBuffer();
                for (int k = 0; k < n; k++) {
                    out[k] = ib.get(k);
                }
            }
            case BOOL -> {
                for (int k = 0; k < n; k++) {
                    out[k] = bb.get(k) != 0 ? 1 : 0;
                }
            }
        }
        return out;
    }

    static float[] toFloats(NDArray a, DType dtype, int n) {
        if (dtype != DType.FLOAT32) {
            double[] d = toDoubles(a, dtype, n);
            float[] out = new float[n];
            for (int k = 0; k < n; k++) {
                out[k] = (float) d[k];
            }
            return out;
        }
        float[] out = new float[n];
        bytes(a).asFloatBuffer().get(out);
        return out;
    }

    static int[] toInts(NDArray a, DType dtype, int n) {
        int[] out = new int[n];
        if (dtype == DType.INT32) {
            bytes(a).asIntBuffer().get(out);
            return out;
        }
        double[] d = toDoubles(a, dtype, n);
        for (int k = 0; k < n; k++) {
            out[k] = (int) d[k];
        }
        return out;
    }
}
