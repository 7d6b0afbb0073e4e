package dev.credence.api.tensor;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites of a recorded {@link Program} that remove work without changing any result bit: what
 * {@link Program#optimized(Backend)} applies.
 *
 * <ol>
 *   <li><b>Equal constants become one.</b> Constants that are the same buffer, or small ones
 *       (scalars and the like) of equal dtype, shape and values, share one slot.
 *   <li><b>Constant folding.</b> A step whose inputs are all constants gives the same result at
 *       every run, so it runs once here and its result becomes a constant owned by the program.
 *   <li><b>Common subexpressions.</b> A step that applies the same primitive, with equal
 *       attributes, to the same slots as an earlier step is dropped and its uses read the earlier
 *       result: a model and its guide gathering the same minibatch, say.
 * </ol>
 *
 * Backends are deterministic (the same kernel on the same inputs gives the same bits), so each
 * rewrite preserves results exactly; callers that need certainty still compare a replay with direct
 * execution, as the SVI step compiler does.
 */
final class ProgramPasses {
    private ProgramPasses() {}

    /** Constants up to this many elements are compared by value. */
    private static final int SMALL = 16;

    /** The parts of a program that the passes rewrite. */
    record Parts(
            List<Program.Step> steps,
            Map<Integer, Buffer> constants,
            int[] outputs,
            List<Tensor.Handle> folded) {}

    /** The key under which equal steps meet. */
    private record StepKey(
            dev.credence.api.backend.Primitive op,
            dev.credence.api.backend.Attributes attributes,
            List<Integer> in,
            Shape shape,
            DType dtype) {}

    /** The key under which small constants of equal value meet. */
    private record ValueKey(DType dtype, Shape shape, List<Double> values) {}

    static Parts run(
            Backend b,
            List<Program.Step> steps,
            Map<Integer, Buffer> constants,
            int[] outputs,
            int slotCount) {
        int[] alias = new int[slotCount];
        for (int s = 0; s < slotCount; s++) {
            alias[s] = s;
        }
        Map<Integer, Buffer> kept = new HashMap<>();
        Map<Object, Integer> byValue = new HashMap<>();
        List<Integer> order = new ArrayList<>(constants.keySet());
        order.sort(null);
        for (int slot : order) {
            Buffer c = constants.get(slot);
            Object key = constantKey(b, c);
            Integer first = byValue.putIfAbsent(key, slot);
            if (first == null) {
                kept.put(slot, c);
            } else {
                alias[slot] = first;
            }
        }
        List<Program.Step> out = new ArrayList<>();
        Map<StepKey, Integer> seen = new HashMap<>();
        List<Tensor.Handle> folded = new ArrayList<>();
        for (Program.Step s : steps) {
            int[] in = s.in().clone();
            boolean allConstant = true;
            List<Integer> list = new ArrayList<>(in.length);
            for (int i = 0; i < in.length; i++) {
                in[i] = alias[in[i]];
                list.add(in[i]);
                allConstant &= kept.containsKey(in[i]);
            }
            if (s.loop() != null) {
                // A loop is kept as it is: never merged with another or computed ahead.
                out.add(
                        new Program.Step(
                                null, s.attributes(), in, s.out(), s.shape(), s.dtype(), s.loop()));
                continue;
            }
            StepKey key = new StepKey(s.op(), s.attributes(), list, s.shape(), s.dtype());
            Integer same = seen.get(key);
            if (same != null) {
                alias[s.out()] = same;
                continue;
            }
            seen.put(key, s.out());
            if (allConstant && in.length > 0) {
                Buffer[] args = new Buffer[in.length];
                for (int i = 0; i < in.length; i++) {
                    args[i] = kept.get(in[i]);
                }
                Buffer r = b.execute(s.op(), s.attributes(), args, s.shape(), s.dtype());
                kept.put(s.out(), r);
                Tensor.Handle h = new Tensor.Handle(b, r);
                h.pinned = true;
                folded.add(h);
                continue;
            }
            out.add(
                    new Program.Step(
                            s.op(), s.attributes(), in, s.out(), s.shape(), s.dtype(), null));
        }
        int[] outs = outputs.clone();
        for (int i = 0; i < outs.length; i++) {
            outs[i] = alias[outs[i]];
        }
        return new Parts(out, kept, outs, folded);
    }

    /** The buffer itself, or for a small constant its dtype, shape and values. */
    private static Object constantKey(Backend b, Buffer c) {
        if (c.shape().size() > SMALL) {
            return new IdentityKey(c);
        }
        List<Double> values = new ArrayList<>();
        for (double v : b.toDoubles(c)) {
            values.add(v); // Double.equals tells -0.0 from 0.0 and matches NaN with NaN
        }
        return new ValueKey(c.dtype(), c.shape(), values);
    }

    /** Identity as a key. */
    private record IdentityKey(Buffer buffer) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.buffer == buffer;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(buffer);
        }
    }
}
