package dev.credence.backend.nd4j;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * The ND4J backend: every primitive as ND4J CPU kernels over {@code INDArray}s in native memory.
 *
 * <p>Buffers live outside the Java heap. {@link #release(Buffer)} (called by {@link
 * dev.credence.api.tensor.TensorScope} when a scope closes) frees a buffer deterministically: its
 * native array goes back to a bounded pool and becomes the output of a later kernel of the same
 * dtype and shape, which saves the native allocation that dominates the cost of small operations.
 * Buffers that are never released are freed by ND4J when the garbage collector finds them.
 *
 * <p>Results match the reference backend ({@code jvm}) within rounding: NaN and infinities follow
 * {@link Math}, FLOAT32 sums accumulate in double, and where libnd4j has no exact kernel (for
 * example {@code log1p} near 0, or {@code lgamma}) the element loop runs on the host over the
 * native memory. The Cholesky factorisation also runs on the host (see {@code LinearAlgebra}).
 * Create instances with {@link Nd4jBackendProvider}.
 */
public final class Nd4jBackend implements Backend {

    private final Allocator mem;

    Nd4jBackend(ArrayPool pool) {
        this.mem = new Allocator(pool);
    }

    private static Nd4jBuffer nb(Buffer b) {
        return (Nd4jBuffer) b;
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public Device device() {
        return Device.CPU;
    }

    @Override
    public Buffer fromDoubles(double[] data, Shape shape, DType dtype) {
        return Transfer.fromDoubles(mem, data, shape, dtype);
    }

    @Override
    public Buffer fromFloats(float[] data, Shape shape) {
        return Transfer.fromFloats(mem, data, shape);
    }

    @Override
    public Buffer fromInts(int[] data, Shape shape, DType dtype) {
        return Transfer.fromInts(mem, data, shape, dtype);
    }

    @Override
    public Buffer full(double value, Shape shape, DType dtype) {
        return Transfer.full(mem, value, shape, dtype);
    }

    @Override
    public double[] toDoubles(Buffer x) {
        return Transfer.toDoubles(nb(x));
    }

    @Override
    public float[] toFloats(Buffer x) {
        return Transfer.toFloats(nb(x));
    }

    @Override
    public int[] toInts(Buffer x) {
        return Transfer.toInts(nb(x));
    }

    @Override
    public void release(Buffer x) {
        nb(x).release();
    }

    /**
     * Every required primitive, {@code RELU}, which is one of libnd4j's transforms (one pass, where
     * the api's composition takes a comparison and a select, forwards and backwards), and the
     * optimizer primitives, as host loops over the arrays' memory ({@link Updates}). Softplus stays
     * composed: libnd4j's is {@code log(1 + e^x)} as written (infinite at 90 in FLOAT32, 0 at -20
     * where the value is 2e-9), and a one-pass host kernel, measured against the composition over
     * two VAE epochs in alternation, was faster in the first (7.6-8.8 s against 8.9-9.6 s) and
     * slower in the second (6.5-7.7 s against 6.0-6.7 s).
     */
    @Override
    public boolean supports(Primitive op) {
        return op == Primitive.RELU || op.family() == Primitive.Family.UPDATE || !op.optional();
    }

    @Override
    public Buffer execute(
            Primitive op, Attributes attributes, Buffer[] in, Shape shape, DType dtype) {
        Nd4jBuffer x = nb(in[0]);
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
                    ERF,
                    RELU ->
                    Unary.apply(mem, op, x);
            case ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM ->
                    Binary.apply(mem, op, x, nb(in[1]), shape);
            case LT, LE, EQ -> Binary.compare(mem, op, x, nb(in[1]), shape);
            case WHERE -> Binary.where(mem, x, nb(in[1]), nb(in[2]), shape);
            case SUM, MAX -> {
                Attributes.Reduce r = (Attributes.Reduce) attributes;
                yield Reductions.reduce(mem, op, x, r.axes(), r.keepDims());
            }
            case CUMSUM, CUMPROD -> LinearAlgebra.scan(mem, op, x, (Attributes.Scan) attributes);
            case MATMUL -> MatMul.apply(mem, x, nb(in[1]), (Attributes.MatMul) attributes, shape);
            case CHOLESKY -> LinearAlgebra.cholesky(mem, x);
            case TRIANGULAR_SOLVE ->
                    LinearAlgebra.triangularSolve(
                            mem, x, nb(in[1]), (Attributes.Triangular) attributes, shape);
            case CONV2D -> Windows.conv2d(mem, x, nb(in[1]), (Attributes.Conv2d) attributes, shape);
            case MAX_POOL2D, AVG_POOL2D ->
                    Windows.pool(mem, op, x, (Attributes.Pool2d) attributes, shape);
            case RESHAPE -> Movement.reshape(mem, x, shape);
            case PERMUTE -> Movement.permute(mem, x, ((Attributes.Permutation) attributes).order());
            case BROADCAST_TO -> Movement.broadcastTo(mem, x, shape);
            case SLICE -> {
                Attributes.Range r = (Attributes.Range) attributes;
                yield Movement.slice(mem, x, r.begin(), r.end());
            }
            case CONCAT -> {
                Nd4jBuffer[] parts = new Nd4jBuffer[in.length];
                for (int i = 0; i < in.length; i++) {
                    parts[i] = nb(in[i]);
                }
                yield Movement.concat(mem, parts, ((Attributes.Axis) attributes).axis(), shape);
            }
            case GATHER ->
                    Indexing.gather(mem, x, ((Attributes.Axis) attributes).axis(), nb(in[1]));
            case SCATTER_ADD ->
                    Indexing.scatterAdd(
                            mem, shape, ((Attributes.Axis) attributes).axis(), x, nb(in[1]));
            case ONE_HOT -> Indexing.oneHot(mem, x, shape.dim(-1), dtype);
            case CAST -> Movement.cast(mem, x, dtype);
            case EMA, RMS_STEP -> {
                Nd4jBuffer[] b = new Nd4jBuffer[in.length];
                for (int k = 0; k < in.length; k++) {
                    b[k] = nb(in[k]);
                }
                yield Updates.apply(mem, op, attributes, b, shape);
            }
            // composed by the api (supports() is false), never sent here
            case SOFTPLUS ->
                    throw new UnsupportedOperationException(
                            op.opName() + " is optional and not supplied by " + name());
        };
    }

    /**
     * Returns how many bytes of released native arrays the pool holds for reuse now.
     *
     * @return the pooled bytes, at most the configured pool size
     */
    public long pooledBytes() {
        return mem.pool().pooledBytes();
    }

    /**
     * Returns how many native arrays this backend holds now: those of live buffers and scratch
     * space, plus those kept in the pool. A loop that releases what it creates (for example with
     * {@link dev.credence.api.tensor.TensorScope}) keeps this number constant.
     *
     * @return native arrays allocated and not yet freed
     */
    public long nativeArrays() {
        return mem.pool().allocations() - mem.pool().frees();
    }

    /**
     * Returns how many native arrays this backend has allocated since it was created; outputs
     * served from the pool are not counted.
     *
     * @return the number of native allocations
     */
    public long nativeAllocations() {
        return mem.pool().allocations();
    }

    /** Frees the native arrays kept in the pool; live buffers are not affected. */
    public void trimPool() {
        mem.pool().clear();
    }

    @Override
    public String toString() {
        return "nd4j(cpu)";
    }
}
