package dev.credence.api.backend;

/**
 * The compute backend SPI: creation and transfer of buffers, and one method, {@link #execute}, that
 * applies any of the {@link Primitive}s (about forty) to opaque {@link Buffer}s.
 *
 * <p>Everything else is written once, above this interface, in {@code dev.credence.api.tensor}:
 * broadcasting rules, shape and dtype checks with their error messages, composite operations such
 * as {@code softplus}, {@code logSumExp} or a log-determinant, and every gradient. By the time a
 * call reaches a backend its arguments are valid: shapes broadcast, axes are normalised and sorted,
 * dtypes match, indices are INT32 and in range. A backend therefore validates nothing, and must
 * only be exact (see the conformance kit, {@code credence-tck}) and fast.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Buffers are values: no method mutates its inputs; every result is a new buffer or one that
 *       shares storage with an input without ever being written through.
 *   <li>FLOAT32 and FLOAT64 are required for every floating primitive; INT32 for creation,
 *       transfer, movement ({@link Primitive.Family#MOVEMENT}), {@link Primitive#WHERE},
 *       comparisons, {@link Primitive#NEG}, {@link Primitive#ABS} and {@link Primitive#ADD}, SUB,
 *       MUL, MAXIMUM, MINIMUM; BOOL for creation, transfer, movement and as the condition of WHERE.
 *   <li>NaN and infinities follow IEEE 754 as {@link Math} does.
 *   <li>Methods may be called from several threads at once, on different buffers or on the same
 *       input buffers.
 *   <li>A backend that frees native memory when a buffer becomes unreachable must keep its argument
 *       buffers reachable until a native call returns ({@link
 *       java.lang.ref.Reference#reachabilityFence}).
 *   <li>MAXIMUM and MINIMUM of {@code +0.0} and {@code -0.0} may return either zero.
 *   <li>A backend whose engine lacks a primitive implements it with a host kernel and says so in
 *       its documentation (the DJL backend's Cholesky factorisation, for example).
 *   <li>{@link Primitive#optional() Optional} primitives are implemented only where {@link
 *       #supports} says so; the tensor layer composes them for the other backends.
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
 *
 * <p>Version 2.0 of the SPI replaced the kernel methods of 1.x ({@code unary}, {@code binary},
 * {@code reduce}, {@code matmul}, ...) by {@link #execute} and added cumulative sums and products,
 * transposed operands of MATMUL, CHOLESKY and TRIANGULAR_SOLVE. {@link Backends} refuses a provider
 * built for another major version, with a message that names it. Version 2.1 added optional
 * primitives ({@link Primitive#optional()}, {@link #supports}); a backend built for 2.0 supplies
 * none and keeps working. Version 2.2 added two optional primitives for optimizers, {@link
 * Primitive#EMA} and {@link Primitive#RMS_STEP}.
 */
public interface Backend extends AutoCloseable {

    /** The version of this SPI; a provider built against another major version is refused. */
    String API_VERSION = "2.2";

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

    // ---- primitives ----

    /**
     * Whether {@link #execute} implements a primitive. Every backend implements every primitive
     * that is not {@link Primitive#optional() optional}; an optional one is sent only to a backend
     * that answers true here, and composed from other primitives elsewhere. The default supplies no
     * optional primitive, so a backend built before one was added keeps working unchanged.
     *
     * @param op the primitive
     * @return whether {@code execute} may be called with {@code op}
     */
    default boolean supports(Primitive op) {
        return !op.optional();
    }

    /**
     * Applies one primitive. The API has checked everything before the call: the number and dtypes
     * of the inputs, that {@code attributes} has the primitive's {@link Primitive#attributeType()
     * type} and valid values, and that {@code shape} and {@code dtype} are those of the result
     * (broadcast shapes, reduced shapes, the target of a reshape or a cast). A backend therefore
     * validates nothing; it switches on {@code op}:
     *
     * <pre>{@code
     * public Buffer execute(Primitive op, Attributes attributes, Buffer[] in, Shape shape,
     *         DType dtype) {
     *     return switch (op) {
     *         case NEG, EXP, LOG, ... -> Unary.apply(op, in[0]);
     *         case ADD, SUB, MUL, ... -> Binary.apply(op, in[0], in[1], shape);
     *         case SUM, MAX -> Reductions.apply(op, in[0], (Attributes.Reduce) attributes);
     *         ...
     *     };
     * }
     * }</pre>
     *
     * <p>The result must have exactly {@code shape} and {@code dtype}. The semantics of each
     * primitive are documented on its {@link Primitive} constant; the conformance kit checks them.
     *
     * @param op the primitive
     * @param attributes its attributes, of type {@code op.attributeType()}
     * @param inputs the input buffers, {@code op.arity()} of them (any number for CONCAT); the
     *     array itself may be reused by the caller after the call returns, so do not keep it
     * @param shape the result's shape
     * @param dtype the result's dtype
     * @return the result, a new buffer (or one that shares an input's storage without ever being
     *     written through)
     */
    Buffer execute(Primitive op, Attributes attributes, Buffer[] inputs, Shape shape, DType dtype);
}
