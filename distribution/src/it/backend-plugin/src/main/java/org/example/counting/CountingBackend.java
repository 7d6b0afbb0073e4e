package org.example.counting;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.DelegatingBackend;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.concurrent.atomic.LongAdder;

/** The wrapped backend's kernels, counted: a profile of what a model asks of a backend. */
public final class CountingBackend extends DelegatingBackend {
    private final LongAdder calls = new LongAdder();

    /**
     * Wraps a backend.
     *
     * @param inner the backend that computes
     */
    public CountingBackend(Backend inner) {
        super(inner);
    }

    /** Primitive kernels run so far. */
    public long calls() {
        return calls.sum();
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public Buffer execute(
            Primitive op, Attributes attributes, Buffer[] inputs, Shape shape, DType dtype) {
        calls.increment();
        return super.execute(op, attributes, inputs, shape, dtype);
    }
}
