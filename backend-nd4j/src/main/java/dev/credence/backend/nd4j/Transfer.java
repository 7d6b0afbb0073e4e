package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Creation of buffers from host arrays and copies back to the host. Element conversions follow
 * Java: to INT32 truncates toward zero ({@code (int)} cast, so NaN gives 0 and out-of-range values
 * saturate), to BOOL is {@code != 0}, to FLOAT32 rounds to nearest. Each transfer is one bulk copy
 * into or out of native memory.
 */
final class Transfer {
    private Transfer() {}

    static Nd4jBuffer fromDoubles(Allocator mem, double[] data, Shape shape, DType dtype) {
        int n = shape.size();
        Nd4jBuffer r = mem.allocate(dtype, shape);
        switch (dtype) {
            case FLOAT64 -> HostIo.write(r.array, data, n);
            case FLOAT32 -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) {
                    f[k] = (float) data[k];
                }
                HostIo.write(r.array, f, n);
            }
            case INT32 -> {
                int[] v = new int[n];
                for (int k = 0; k < n; k++) {
                    v[k] = (int) data[k];
                }
                HostIo.write(r.array, v, n);
            }
            case BOOL -> {
                byte[] v = new byte[n];
                for (int k = 0; k < n; k++) {
                    v[k] = data[k] != 0 ? (byte) 1 : 0;
                }
                HostIo.write(r.array, v, n);
            }
        }
        return r;
    }

    static Nd4jBuffer fromFloats(Allocator mem, float[] data, Shape shape) {
        Nd4jBuffer r = mem.allocate(DType.FLOAT32, shape);
        HostIo.write(r.array, data, shape.size());
        return r;
    }

    static Nd4jBuffer fromInts(Allocator mem, int[] data, Shape shape, DType dtype) {
        int n = shape.size();
        if (dtype == DType.INT32) {
            Nd4jBuffer r = mem.allocate(dtype, shape);
            HostIo.write(r.array, data, n);
            return r;
        }
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = data[k];
        }
        return fromDoubles(mem, d, shape, dtype);
    }

    /** Below this size a fill is written from the host; above, ND4J fills natively. */
    private static final int HOST_FILL = 4096;

    static Nd4jBuffer full(Allocator mem, double value, Shape shape, DType dtype) {
        int n = shape.size();
        if (n > HOST_FILL && dtype != DType.BOOL) {
            Nd4jBuffer r = mem.allocate(dtype, shape);
            switch (dtype) {
                case FLOAT64 -> r.array.assign(value);
                case FLOAT32 -> r.array.assign((float) value);
                default -> r.array.assign((int) value);
            }
            return r;
        }
        Nd4jBuffer r = mem.allocate(dtype, shape);
        switch (dtype) {
            case FLOAT64 -> {
                double[] v = new double[n];
                Arrays.fill(v, value);
                HostIo.write(r.array, v, n);
            }
            case FLOAT32 -> {
                float[] v = new float[n];
                Arrays.fill(v, (float) value);
                HostIo.write(r.array, v, n);
            }
            case INT32 -> {
                int[] v = new int[n];
                Arrays.fill(v, (int) value);
                HostIo.write(r.array, v, n);
            }
            case BOOL -> {
                byte[] v = new byte[n];
                Arrays.fill(v, value != 0 ? (byte) 1 : 0);
                HostIo.write(r.array, v, n);
            }
        }
        return r;
    }

    static double[] toDoubles(Nd4jBuffer x) {
        int n = x.size();
        INDArray a = x.array;
        return switch (x.dtype) {
            case FLOAT64 -> HostIo.readDoubles(a, n);
            case FLOAT32 -> {
                float[] f = HostIo.readFloats(a, n);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    out[k] = f[k];
                }
                yield out;
            }
            case INT32 -> {
                int[] v = HostIo.readInts(a, n);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    out[k] = v[k];
                }
                yield out;
            }
            case BOOL -> {
                byte[] v = HostIo.readBytes(a, n);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    out[k] = v[k] != 0 ? 1 : 0;
                }
                yield out;
            }
        };
    }

    static float[] toFloats(Nd4jBuffer x) {
        if (x.dtype == DType.FLOAT32) {
            return HostIo.readFloats(x.array, x.size());
        }
        double[] d = toDoubles(x);
        float[] out = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            out[k] = (float) d[k];
        }
        return out;
    }

    static int[] toInts(Nd4jBuffer x) {
        if (x.dtype == DType.INT32) {
            return HostIo.readInts(x.array, x.size());
        }
        double[] d = toDoubles(x);
        int[] out = new int[d.length];
        for (int k = 0; k < d.length; k++) {
            out[k] = (int) d[k];
        }
        return out;
    }
}
