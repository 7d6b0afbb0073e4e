package dev.credence.backend.nd4j;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BinaryOp;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.CompareOp;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.ReduceOp;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.UnaryOp;

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
 * native memory. Create instances with {@link Nd4jBackendProvider}.
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

    @Override
    public Buffer unary(UnaryOp op, Buffer x) {
        return Unary.apply(mem, op, nb(x));
    }

    @Override
    public Buffer binary(BinaryOp op, Buffer a, Buffer b, Shape out) {
        return Binary.apply(mem, op, nb(a), nb(b), out);
    }

    @Override
    public Buffer compare(CompareOp op, Buffer a, Buffer b, Shape out) {
        return Binary.compare(mem, op, nb(a), nb(b), out);
    }

    @Override
    public Buffer where(Buffer cond, Buffer a, Buffer b, Shape out) {
        return Binary.where(mem, nb(cond), nb(a), nb(b), out);
    }

    @Override
    public Buffer reduce(ReduceOp op, Buffer x, int[] axes, boolean keepDims) {
        return Reductions.reduce(mem, op, nb(x), axes, keepDims);
    }

    @Override
    public Buffer matmul(Buffer a, Buffer b, Shape out) {
        return MatMul.apply(mem, nb(a), nb(b), out);
    }

    @Override
    public Buffer reshape(Buffer x, Shape shape) {
        return Movement.reshape(mem, nb(x), shape);
    }

    @Override
    public Buffer permute(Buffer x, int[] perm) {
        return Movement.permute(mem, nb(x), perm);
    }

    @Override
    public Buffer broadcastTo(Buffer x, Shape shape) {
        return Movement.broadcastTo(mem, nb(x), shape);
    }

    @Override
    public Buffer slice(Buffer x, int[] begin, int[] end) {
        return Movement.slice(mem, nb(x), begin, end);
    }

    @Override
    public Buffer concat(Buffer[] xs, int axis, Shape out) {
        Nd4jBuffer[] parts = new Nd4jBuffer[xs.length];
        for (int i = 0; i < xs.length; i++) {
            parts[i] = nb(xs[i]);
        }
        return Movement.concat(mem, parts, axis, out);
    }

    @Override
    public Buffer gather(Buffer x, int axis, Buffer indices) {
        return Indexing.gather(mem, nb(x), axis, nb(indices));
    }

    @Override
    public Buffer scatterAdd(Shape out, int axis, Buffer indices, Buffer src) {
        return Indexing.scatterAdd(mem, out, axis, nb(indices), nb(src));
    }

    @Override
    public Buffer oneHot(Buffer indices, int depth, DType dtype) {
        return Indexing.oneHot(mem, nb(indices), depth, dtype);
    }

    @Override
    public Buffer cast(Buffer x, DType dtype) {
        return Movement.cast(mem, nb(x), dtype);
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
