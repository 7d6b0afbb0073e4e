package dev.credence.api.backend;

import java.util.Objects;

/**
 * A backend that forwards every kernel to another backend: the base class for a backend that wraps
 * one, to count or time its calls, check its results, move work elsewhere for some operations, or
 * give it another name.
 *
 * <p>A subclass overrides what it changes and inherits the rest. Every method of {@link Backend},
 * {@link #close()} included, forwards to the wrapped backend, so a subclass that overrides nothing
 * behaves exactly as the backend it wraps and passes the same conformance kit. Buffers pass through
 * unchanged: a subclass that wraps them must override every method that takes or returns one.
 *
 * <pre>{@code
 * public final class CountingBackend extends DelegatingBackend {
 *     final LongAdder kernels = new LongAdder();
 *
 *     public CountingBackend(Backend inner) {
 *         super(inner);
 *     }
 *
 *     public String name() {
 *         return "counting";
 *     }
 *
 *     public Buffer execute(
 *             Primitive op, Attributes attributes, Buffer[] inputs, Shape shape, DType dtype) {
 *         kernels.increment();
 *         return super.execute(op, attributes, inputs, shape, dtype);
 *     }
 * }
 * }</pre>
 *
 * Its provider creates the wrapped backend through the registry (for example {@code
 * Backends.discover().select("jvm")}), so the plugin does not depend on another plugin at compile
 * time.
 */
public abstract class DelegatingBackend implements Backend {
    private final Backend delegate;

    /**
     * Wraps a backend.
     *
     * @param delegate the backend that does the work
     */
    protected DelegatingBackend(Backend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the wrapped backend.
     *
     * @return the backend that does the work
     */
    protected final Backend delegate() {
        return delegate;
    }

    /** Closes the wrapped backend. */
    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean supports(Primitive op) {
        return delegate.supports(op);
    }

    @Override
    public Device device() {
        return delegate.device();
    }

    @Override
    public Buffer fromDoubles(double[] data, Shape shape, DType dtype) {
        return delegate.fromDoubles(data, shape, dtype);
    }

    @Override
    public Buffer fromFloats(float[] data, Shape shape) {
        return delegate.fromFloats(data, shape);
    }

    @Override
    public Buffer fromInts(int[] data, Shape shape, DType dtype) {
        return delegate.fromInts(data, shape, dtype);
    }

    @Override
    public Buffer full(double value, Shape shape, DType dtype) {
        return delegate.full(value, shape, dtype);
    }

    @Override
    public double[] toDoubles(Buffer x) {
        return delegate.toDoubles(x);
    }

    @Override
    public float[] toFloats(Buffer x) {
        return delegate.toFloats(x);
    }

    @Override
    public int[] toInts(Buffer x) {
        return delegate.toInts(x);
    }

    @Override
    public void release(Buffer x) {
        delegate.release(x);
    }

    @Override
    public Buffer execute(
            Primitive op, Attributes attributes, Buffer[] inputs, Shape shape, DType dtype) {
        return delegate.execute(op, attributes, inputs, shape, dtype);
    }
}
