package dev.credence.api.backend;

/**
 * The primitive kernels a compute backend implements: about thirty operations over its own opaque
 * {@link Buffer}s.
 *
 * <p>Everything else is written once, above this interface, in {@link
 * dev.credence.api.tensor.Tensor}: broadcasting rules, shape and dtype checks with their error
 * messages, composite operations such as {@code softplus} or {@code logSumExp}, and every gradient.
 * By the time a call reaches a backend its arguments are valid: shapes broadcast, axes are
 * normalised and sorted, dtypes match, indices are INT32. A backend therefore validates nothing,
 * and must only be exact (see the conformance kit, {@code credence-tck}) and fast.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Buffers are values: no method mutates its inputs; every result is a new buffer or one that
 *       shares storage with an input without ever being written through.
 *   <li>FLOAT32 and FLOAT64 are required for every floating operation; INT32 for creation,
 *       transfer, {@link #cast}, movement, {@link #where}, comparisons, and {@link BinaryOp#ADD},
 *       SUB, MUL, MAX, MIN; BOOL for creation, transfer, cast, movement and as the condition of
 *       {@link #where}.
 *   <li>NaN and infinities follow IEEE 754 as {@link Math} does.
 *   <li>Methods may be called from several threads at once, on different buffers or on the same
 *       input buffers.
 *   <li>A backend that frees native memory when a buffer becomes unreachable must keep its argument
 *       buffers reachable until a native call returns ({@link
 *       java.lang.ref.Reference#reachabilityFence}).
 *   <li>MAX and MIN of {@code +0.0} and {@code -0.0} may return either zero.
 * </ul>
 *
 * <h2>Implementing a backend</h2>
 *
 * <pre>{@code
 * public final class MyProvider implements BackendProvider {
 *     public String name() { return "my"; }
 *     public int priority() { return 10; }
 *     public Availability availability() { return Availability.ok(); }
 *     public String apiVersion() { return Backend.API_VERSION; }
 *     public Backend create(BackendConfig config) { return new MyBackend(); }
 * }
 * }</pre>
 *
 * Register the provider in {@code module-info.java} ({@code provides
 * dev.credence.api.backend.BackendProvider with MyProvider;}) and in {@code
 * META-INF/services/dev.credence.api.backend.BackendProvider}, then certify the backend with one
 * test class that extends the conformance kit's {@code BackendConformanceKit}.
 */
public interface Backend extends AutoCloseable {

    /** The version of this SPI; a provider built against another major version is refused. */
    String API_VERSION = "1.0";

    /**
     * Frees what the backend holds (pools, native contexts, threads). Buffers it created must not
     * be used afterwards. The default does nothing.
     */
    @Override
    default void close() {}

    /**
     * Returns the name users select this backend by, e.g. {@code jvm}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the device this backend's buffers live on.
     *
     * @return the device
     */
    Device device();

    // ---- creation and transfer ----

    /**
     * Creates a buffer from row-major doubles, converting to {@code dtype} (to INT32 by truncation
     * toward zero, to BOOL as {@code value != 0}).
     *
     * @param data the values, {@code shape.size()} of them
     * @param shape the shape
     * @param dtype the element type
     * @return the new buffer
     */
    Buffer fromDoubles(double[] data, Shape shape, DType dtype);

    /**
     * Creates a FLOAT32 buffer from row-major floats.
     *
     * @param data the values
     * @param shape the shape
     * @return the new buffer
     */
    Buffer fromFloats(float[] data, Shape shape);

    /**
     * Creates an INT32 or BOOL buffer from row-major ints (BOOL: non-zero is true).
     *
     * @param data the values
     * @param shape the shape
     * @param dtype INT32 or BOOL
     * @return the new buffer
     */
    Buffer fromInts(int[] data, Shape shape, DType dtype);

    /**
     * Creates a buffer with every element equal to {@code value}.
     *
     * @param value the fill value
     * @param shape the shape
     * @param dtype the element type
     * @return the new buffer
     */
    Buffer full(double value, Shape shape, DType dtype);

    /**
     * Copies a buffer to host doubles (BOOL as 0 and 1).
     *
     * @param x the buffer
     * @return the values in row-major order
     */
    double[] toDoubles(Buffer x);

    /**
     * Copies a buffer to host floats.
     *
     * @param x the buffer
     * @return the values in row-major order
     */
    float[] toFloats(Buffer x);

    /**
     * Copies a buffer to host ints (floating values truncated toward zero, BOOL as 0 and 1).
     *
     * @param x the buffer
     * @return the values in row-major order
     */
    int[] toInts(Buffer x);

    /**
     * Frees the buffer's memory now. The API never uses a buffer after releasing it.
     *
     * @param x the buffer
     */
    void release(Buffer x);

    // ---- elementwise ----

    /**
     * Applies an elementwise unary function.
     *
     * @param op the function
     * @param x the input
     * @return a buffer of the same shape and dtype
     */
    Buffer unary(UnaryOp op, Buffer x);

    /**
     * Applies an elementwise binary function with broadcasting.
     *
     * @param op the function
     * @param a the left operand
     * @param b the right operand, same dtype
     * @param out the broadcast shape of the result
     * @return the result
     */
    Buffer binary(BinaryOp op, Buffer a, Buffer b, Shape out);

    /**
     * Compares elementwise with broadcasting.
     *
     * @param op the comparison
     * @param a the left operand
     * @param b the right operand, same dtype
     * @param out the broadcast shape of the result
     * @return a BOOL buffer
     */
    Buffer compare(CompareOp op, Buffer a, Buffer b, Shape out);

    /**
     * Selects {@code a} where {@code cond} is true and {@code b} elsewhere, with broadcasting.
     *
     * @param cond a BOOL buffer
     * @param a values where true
     * @param b values where false, same dtype as {@code a}
     * @param out the broadcast shape of the result
     * @return the result
     */
    Buffer where(Buffer cond, Buffer a, Buffer b, Shape out);

    // ---- reductions and linear algebra ----

    /**
     * Reduces over axes.
     *
     * @param op the reduction
     * @param x the input (floating)
     * @param axes distinct axes in increasing order, possibly empty (then the result equals x)
     * @param keepDims whether reduced axes stay as size 1
     * @return the result
     */
    Buffer reduce(ReduceOp op, Buffer x, int[] axes, boolean keepDims);

    /**
     * Multiplies matrices: {@code [..., m, k] x [..., k, n] -> [..., m, n]}, with broadcasting over
     * the leading batch dimensions.
     *
     * @param a the left operand, rank at least 2
     * @param b the right operand, rank at least 2, same dtype
     * @param out the result shape
     * @return the product
     */
    Buffer matmul(Buffer a, Buffer b, Shape out);

    // ---- movement ----

    /**
     * Gives the same row-major elements a new shape of equal size.
     *
     * @param x the input
     * @param shape the new shape
     * @return the reshaped buffer
     */
    Buffer reshape(Buffer x, Shape shape);

    /**
     * Reorders axes: result axis {@code i} is input axis {@code perm[i]}.
     *
     * @param x the input
     * @param perm a permutation of {@code 0..rank-1}
     * @return the permuted buffer
     */
    Buffer permute(Buffer x, int[] perm);

    /**
     * Repeats size-1 and missing leading dimensions to reach {@code shape}.
     *
     * @param x the input, whose shape broadcasts to {@code shape}
     * @param shape the target shape
     * @return the broadcast buffer
     */
    Buffer broadcastTo(Buffer x, Shape shape);

    /**
     * Takes the contiguous block {@code [begin[i], end[i])} along every axis.
     *
     * @param x the input
     * @param begin start indices, one per axis
     * @param end end indices (exclusive), one per axis
     * @return the block
     */
    Buffer slice(Buffer x, int[] begin, int[] end);

    /**
     * Joins buffers along an existing axis.
     *
     * @param xs the inputs, same dtype, equal sizes except along {@code axis}
     * @param axis the axis
     * @param out the result shape
     * @return the joined buffer
     */
    Buffer concat(Buffer[] xs, int axis, Shape out);

    /**
     * Selects slices along {@code axis} by index: the result has shape {@code x.shape[:axis] +
     * indices.shape + x.shape[axis+1:]}.
     *
     * @param x the input
     * @param axis the axis
     * @param indices INT32 indices, each in {@code [0, x.shape[axis])}
     * @return the gathered buffer
     */
    Buffer gather(Buffer x, int axis, Buffer indices);

    /**
     * The adjoint of {@link #gather}: a zero buffer of shape {@code out} into which each slice of
     * {@code src} is added at its index along {@code axis}.
     *
     * @param out the result shape
     * @param axis the axis
     * @param indices INT32 indices
     * @param src values of shape {@code out[:axis] + indices.shape + out[axis+1:]}
     * @return the result
     */
    Buffer scatterAdd(Shape out, int axis, Buffer indices, Buffer src);

    /**
     * One-hot encodes indices along a new last axis of size {@code depth}; indices outside {@code
     * [0, depth)} give an all-zero row.
     *
     * @param indices INT32 indices
     * @param depth the number of classes
     * @param dtype the result dtype
     * @return a buffer of shape {@code indices.shape + [depth]}
     */
    Buffer oneHot(Buffer indices, int depth, DType dtype);

    /**
     * Converts elements to another dtype (floating to INT32 truncates toward zero; to BOOL is
     * {@code != 0}).
     *
     * @param x the input
     * @param dtype the target dtype
     * @return the converted buffer
     */
    Buffer cast(Buffer x, DType dtype);
}
