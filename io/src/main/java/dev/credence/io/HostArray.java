package dev.credence.io;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An n-dimensional array in host (Java heap) memory: a dtype, a shape and a primitive array in
 * row-major order.
 *
 * <p>This is the form in which arrays leave and enter files: data sets are read into host arrays,
 * checkpoints store them, and {@link #toTensor(Backend)} copies one onto a backend. Only the
 * numeric dtypes {@link DType#FLOAT32}, {@link DType#FLOAT64} and {@link DType#INT32} are held;
 * cast a BOOL tensor to INT32 first.
 *
 * <p>The factories take ownership of the array they are given and do not copy it, since data sets
 * are large: do not change an array after handing it over. Every accessor that returns an array
 * returns a copy, so a host array is immutable from the outside.
 *
 * <pre>{@code
 * HostArray w = HostArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * Tensor t = w.toTensor(backend);             // FLOAT32 [2, 3]
 * HostArray firstRow = w.rows(new int[] {0}); // FLOAT32 [1, 3]
 * }</pre>
 */
public final class HostArray {

    private final DType dtype;
    private final Shape shape;
    private final Object data;

    private HostArray(DType dtype, Shape shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Wraps a float array as a FLOAT32 host array.
     *
     * @param data row-major values, owned by the result from now on
     * @param dims the shape; empty means a vector of {@code data.length}
     * @return the host array
     * @throws IllegalArgumentException if the length does not fill the shape
     */
    public static HostArray ofFloats(float[] data, int... dims) {
        return new HostArray(DType.FLOAT32, shapeFor(data.length, dims), data);
    }

    /**
     * Wraps a double array as a FLOAT64 host array.
     *
     * @param data row-major values, owned by the result from now on
     * @param dims the shape; empty means a vector of {@code data.length}
     * @return the host array
     * @throws IllegalArgumentException if the length does not fill the shape
     */
    public static HostArray ofDoubles(double[] data, int... dims) {
        return new HostArray(DType.FLOAT64, shapeFor(data.length, dims), data);
    }

    /**
     * Wraps an int array as an INT32 host array.
     *
     * @param data row-major values, owned by the result from now on
     * @param dims the shape; empty means a vector of {@code data.length}
     * @return the host array
     * @throws IllegalArgumentException if the length does not fill the shape
     */
    public static HostArray ofInts(int[] data, int... dims) {
        return new HostArray(DType.INT32, shapeFor(data.length, dims), data);
    }

    /**
     * Copies a tensor to the host, keeping its dtype and shape.
     *
     * @param t a FLOAT32, FLOAT64 or INT32 tensor
     * @return the host copy
     * @throws IllegalArgumentException for a BOOL tensor
     */
    public static HostArray of(Tensor t) {
        int[] dims = t.shape().dims();
        return switch (t.dtype()) {
            case FLOAT32 -> new HostArray(DType.FLOAT32, Shape.of(dims), t.toFloatArray());
            case FLOAT64 -> new HostArray(DType.FLOAT64, Shape.of(dims), t.toDoubleArray());
            case INT32 -> new HostArray(DType.INT32, Shape.of(dims), t.toIntArray());
            case BOOL ->
                    throw new IllegalArgumentException(
                            "host array: BOOL tensors are not held; cast to INT32 first (shape "
                                    + t.shape()
                                    + ")");
        };
    }

    /**
     * Reads a host array from a buffer holding its elements in row-major order, in the buffer's
     * byte order, starting at the buffer's position. The position advances past the elements.
     *
     * @param in the buffer
     * @param dtype FLOAT32, FLOAT64 or INT32
     * @param shape the shape
     * @return the host array
     * @throws java.nio.BufferUnderflowException if the buffer holds too few bytes
     */
    public static HostArray read(ByteBuffer in, DType dtype, Shape shape) {
        int n = shape.size();
        Object data =
                switch (checkDType(dtype)) {
                    case FLOAT32 -> {
                        float[] a = new float[n];
                        in.asFloatBuffer().get(a);
                        yield a;
                    }
                    case FLOAT64 -> {
                        double[] a = new double[n];
                        in.asDoubleBuffer().get(a);
                        yield a;
                    }
                    default -> {
                        int[] a = new int[n];
                        in.asIntBuffer().get(a);
                        yield a;
                    }
                };
        in.position(in.position() + n * dtype.byteSize());
        return new HostArray(dtype, shape, data);
    }

    /**
     * Writes the elements in row-major order into a buffer, in the buffer's byte order, starting at
     * its position; the position advances past them. Values are copied bit for bit, NaN payloads
     * included.
     *
     * @param out the buffer, with at least {@link #byteSize()} bytes remaining
     */
    public void write(ByteBuffer out) {
        switch (dtype) {
            case FLOAT32 -> out.asFloatBuffer().put((float[]) data);
            case FLOAT64 -> out.asDoubleBuffer().put((double[]) data);
            default -> out.asIntBuffer().put((int[]) data);
        }
        out.position(out.position() + (int) byteSize());
    }

    /**
     * Returns the dtype.
     *
     * @return FLOAT32, FLOAT64 or INT32
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * Returns the shape.
     *
     * @return the shape
     */
    public Shape shape() {
        return shape;
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
     * Returns the number of bytes the elements take in a file.
     *
     * @return {@code size() * dtype().byteSize()}
     */
    public long byteSize() {
        return (long) size() * dtype.byteSize();
    }

    /**
     * Returns one element as a double, exactly for all three dtypes.
     *
     * @param index the row-major index, in {@code [0, size())}
     * @return the value
     */
    public double getDouble(int index) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[index];
            case FLOAT64 -> ((double[]) data)[index];
            default -> ((int[]) data)[index];
        };
    }

    /**
     * Copies the elements to a float array, converting if the dtype is not FLOAT32.
     *
     * @return the values
     */
    public float[] toFloatArray() {
        if (data instanceof float[] a) {
            return a.clone();
        }
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) getDouble(i);
        }
        return out;
    }

    /**
     * Copies the elements to a double array, converting if the dtype is not FLOAT64.
     *
     * @return the values
     */
    public double[] toDoubleArray() {
        if (data instanceof double[] a) {
            return a.clone();
        }
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /**
     * Copies the elements to an int array; floating values are truncated toward zero.
     *
     * @return the values
     */
    public int[] toIntArray() {
        if (data instanceof int[] a) {
            return a.clone();
        }
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) getDouble(i);
        }
        return out;
    }

    /**
     * Selects rows (slices along the first axis) in the given order; rows may repeat.
     *
     * @param rows indices into the first axis
     * @return a new host array of shape {@code [rows.length, ...]}
     * @throws IllegalArgumentException if this array is a scalar or an index is out of range
     */
    public HostArray rows(int[] rows) {
        if (shape.rank() == 0) {
            throw new IllegalArgumentException("rows: a scalar host array has no rows");
        }
        int n = shape.dim(0);
        int width = n == 0 ? 0 : size() / n;
        int[] dims = shape.dims();
        dims[0] = rows.length;
        Object out =
                switch (dtype) {
                    case FLOAT32 -> new float[rows.length * width];
                    case FLOAT64 -> new double[rows.length * width];
                    default -> new int[rows.length * width];
                };
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException(
                        "rows: index "
                                + r
                                + " at position "
                                + i
                                + " is out of range [0, "
                                + n
                                + ") for shape "
                                + shape);
            }
            System.arraycopy(data, r * width, out, i * width, width);
        }
        return new HostArray(dtype, Shape.of(dims), out);
    }

    /**
     * Copies this array onto a backend with its own dtype.
     *
     * @param b the backend
     * @return a tensor with this dtype and shape
     */
    public Tensor toTensor(Backend b) {
        int[] dims = shape.dims();
        return switch (dtype) {
            case FLOAT32 -> Tensor.of(b, (float[]) data, dims).reshape(dims);
            case FLOAT64 -> Tensor.of(b, (double[]) data, dims).reshape(dims);
            default -> Tensor.ofInts(b, (int[]) data, dims).reshape(dims);
        };
    }

    /**
     * Copies this array onto a backend, converted to another dtype.
     *
     * @param b the backend
     * @param to the dtype of the tensor
     * @return a tensor with this shape and dtype {@code to}
     */
    public Tensor toTensor(Backend b, DType to) {
        if (to == dtype) {
            return toTensor(b);
        }
        int[] dims = shape.dims();
        return switch (to) {
            case FLOAT32 -> Tensor.of(b, toFloatArray(), dims).reshape(dims);
            case INT32 -> Tensor.ofInts(b, toIntArray(), dims).reshape(dims);
            default -> Tensor.of(b, toDoubleArray(), to, dims).reshape(dims);
        };
    }

    private static Shape shapeFor(int length, int[] dims) {
        Shape s = dims.length == 0 ? Shape.of(length) : Shape.of(dims);
        if (s.size() != length) {
            throw new IllegalArgumentException(
                    "host array: "
                            + length
                            + " values cannot fill shape "
                            + s
                            + ", which holds "
                            + s.size());
        }
        return s;
    }

    static DType checkDType(DType d) {
        if (d == DType.BOOL) {
            throw new IllegalArgumentException(
                    "host array: dtype BOOL is not held; use FLOAT32, FLOAT64 or INT32");
        }
        return d;
    }

    /**
     * Tells whether another host array has the same dtype, shape and elements, compared as {@link
     * Arrays#equals(float[], float[])} does (so every NaN equals every other NaN).
     *
     * @param o the other object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HostArray h) || h.dtype != dtype || !h.shape.equals(shape)) {
            return false;
        }
        return switch (dtype) {
            case FLOAT32 -> Arrays.equals((float[]) data, (float[]) h.data);
            case FLOAT64 -> Arrays.equals((double[]) data, (double[]) h.data);
            default -> Arrays.equals((int[]) data, (int[]) h.data);
        };
    }

    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + shape.hashCode();
    }

    @Override
    public String toString() {
        return "HostArray[" + dtype + shape + "]";
    }
}
