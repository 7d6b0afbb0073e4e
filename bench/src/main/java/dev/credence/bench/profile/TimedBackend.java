package dev.credence.bench.profile;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.DelegatingBackend;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A backend that times every call of the backend it wraps: where a training step's time goes, split
 * into the backend's calls (for a native backend: its Java wrapper, the JNI crossing and the kernel
 * itself) and everything above them (the tensor API, the tape, the model, effect handlers).
 *
 * <p>Buffers pass through unchanged, so the wrapped backend sees exactly the calls it would see
 * alone. Each call is counted under a key made of the call's name and, for {@link #execute}, the
 * primitive, its attributes and the input and output shapes, so that the same matrix product seen
 * in the forward and the backward pass are told apart. Single-threaded: time one step loop at a
 * time.
 */
final class TimedBackend extends DelegatingBackend {

    /** What one kind of call cost. */
    record Row(String key, long calls, long nanos) {}

    private final Map<String, long[]> table = new HashMap<>();
    private boolean on;

    TimedBackend(Backend inner) {
        super(inner);
    }

    /** Starts counting (from zero). */
    void start() {
        table.clear();
        on = true;
    }

    /** Stops counting; the table stays until the next {@link #start}. */
    void stop() {
        on = false;
    }

    /** The calls counted since {@link #start}, the most expensive first. */
    List<Row> rows() {
        List<Row> out = new ArrayList<>();
        table.forEach((k, v) -> out.add(new Row(k, v[0], v[1])));
        out.sort(Comparator.comparingLong(Row::nanos).reversed());
        return out;
    }

    private void count(String key, long t0) {
        long dt = System.nanoTime() - t0;
        long[] v = table.computeIfAbsent(key, k -> new long[2]);
        v[0]++;
        v[1] += dt;
    }

    @Override
    public Buffer fromDoubles(double[] data, Shape shape, DType dtype) {
        long t0 = System.nanoTime();
        Buffer b = delegate().fromDoubles(data, shape, dtype);
        if (on) {
            count("fromDoubles " + dtype + shape, t0);
        }
        return b;
    }

    @Override
    public Buffer fromFloats(float[] data, Shape shape) {
        long t0 = System.nanoTime();
        Buffer b = delegate().fromFloats(data, shape);
        if (on) {
            count("fromFloats " + shape, t0);
        }
        return b;
    }

    @Override
    public Buffer fromInts(int[] data, Shape shape, DType dtype) {
        long t0 = System.nanoTime();
        Buffer b = delegate().fromInts(data, shape, dtype);
        if (on) {
            count("fromInts " + dtype + shape, t0);
        }
        return b;
    }

    @Override
    public Buffer full(double value, Shape shape, DType dtype) {
        long t0 = System.nanoTime();
        Buffer b = delegate().full(value, shape, dtype);
        if (on) {
            count("full " + dtype + shape, t0);
        }
        return b;
    }

    @Override
    public double[] toDoubles(Buffer x) {
        long t0 = System.nanoTime();
        double[] v = delegate().toDoubles(x);
        if (on) {
            count("toDoubles " + x.dtype() + x.shape(), t0);
        }
        return v;
    }

    @Override
    public float[] toFloats(Buffer x) {
        long t0 = System.nanoTime();
        float[] v = delegate().toFloats(x);
        if (on) {
            count("toFloats " + x.shape(), t0);
        }
        return v;
    }

    @Override
    public int[] toInts(Buffer x) {
        long t0 = System.nanoTime();
        int[] v = delegate().toInts(x);
        if (on) {
            count("toInts " + x.dtype() + x.shape(), t0);
        }
        return v;
    }

    @Override
    public void release(Buffer x) {
        long t0 = System.nanoTime();
        delegate().release(x);
        if (on) {
            count("release", t0);
        }
    }

    @Override
    public Buffer execute(
            Primitive op, Attributes attributes, Buffer[] inputs, Shape shape, DType dtype) {
        if (!on) {
            return delegate().execute(op, attributes, inputs, shape, dtype);
        }
        // The key is built before the clock starts, so its cost is not charged to the kernel.
        StringBuilder k = new StringBuilder(op.name());
        if (attributes != Attributes.NONE) {
            k.append(attributes);
        }
        k.append(' ');
        for (Buffer b : inputs) {
            k.append(b.shape());
        }
        k.append("->").append(dtype).append(shape);
        String key = k.toString();
        long t0 = System.nanoTime();
        Buffer out = delegate().execute(op, attributes, inputs, shape, dtype);
        count(key, t0);
        return out;
    }
}
