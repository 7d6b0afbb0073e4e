package dev.credence.api.tensor;

import dev.credence.api.backend.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Recurrences as one operation: {@code scan} applies a step function along the first axis of one or
 * more sequences, carrying a state from step to step, like {@code jax.lax.scan}. Time-series models
 * (ARMA and GARCH volatilities, the forward algorithm of a hidden Markov model, a Kalman filter)
 * are written with it as one loop instead of thousands of small operations:
 *
 * <pre>{@code
 * // GARCH(1,1): sigma_t = sqrt(alpha0 + alpha1 (y_(t-1) - mu)^2 + beta1 sigma_(t-1)^2)
 * Tensor shock = y.narrow(0, 0, n - 1).sub(mu).square().mul(alpha1).add(alpha0);   // [n - 1]
 * Tensor sigma = Scan.scan((s, e) -> e.add(beta1.mul(s.square())).sqrt(), sigma1, shock);
 * }</pre>
 *
 * <p>The step receives the carry and the current row of each sequence, and returns the next carry
 * (same shapes and dtypes every step). It may read any other tensor (parameters like {@code beta1}
 * above, data, constants): such tensors are inputs of the loop, and gradients flow to them. The
 * result stacks the carry after every step, {@code [T, ...carry]}; its last row is the final carry.
 *
 * <h2>Rules for the step</h2>
 *
 * The step is run once, on the first step's values, while its operations are recorded (as a {@link
 * Program}); every step then replays that recording. So the step must use tensor operations only,
 * the same ones whatever the values: no branch on a value, no reading of values on the host ({@code
 * item()}, {@code toDoubleArray()}), which is refused with a message. It is not differentiated by
 * running it again: the gradient of the loop is another loop, run backwards (see {@link Loop}), so
 * a scan costs one node on the tape and one step in a recorded potential however long the sequence.
 *
 * <p>Several carried values (a state and a running total, say) and several sequences are passed as
 * lists; the carried values must share one floating dtype.
 */
public final class Scan {
    private Scan() {}

    /**
     * The step of a recurrence with several carried values or sequences.
     *
     * <pre>{@code
     * Scan.Step step = (carry, x) -> List.of(carry.get(0).mul(x.get(0)), carry.get(1).add(x.get(1)));
     * }</pre>
     */
    @FunctionalInterface
    public interface Step {
        /**
         * Computes the next carried values.
         *
         * @param carry the carried values after the previous step (the initial ones at the first)
         * @param x the current row of each sequence
         * @return the next carried values, of the same shapes and dtypes, in the same order
         */
        List<Tensor> apply(List<Tensor> carry, List<Tensor> x);
    }

    /**
     * Runs {@code c_t = step(c_(t-1), xs[t])} for {@code t = 0, ..., T-1}.
     *
     * @param step the step: carry and current row to the next carry
     * @param init the carry before the first step, floating
     * @param xs the sequence {@code [T, ...]}
     * @return the carries after every step, {@code [T, ...init]}
     */
    public static Tensor scan(BiFunction<Tensor, Tensor, Tensor> step, Tensor init, Tensor xs) {
        return scan(step, init, xs, false);
    }

    /**
     * Runs {@code c_t = step(c_(t-1), xs[t])} forward, or with {@code reverse} for {@code t = T-1,
     * ..., 0} (with {@code c_T = init}); row {@code t} of the result is always {@code c_t}.
     *
     * @param step the step: carry and current row to the next carry
     * @param init the carry before the first step, floating
     * @param xs the sequence {@code [T, ...]}
     * @param reverse whether to run from the last row to the first
     * @return the carries after every step, {@code [T, ...init]}
     */
    public static Tensor scan(
            BiFunction<Tensor, Tensor, Tensor> step, Tensor init, Tensor xs, boolean reverse) {
        return scan(
                        (c, x) -> List.of(step.apply(c.get(0), x.get(0))),
                        List.of(init),
                        List.of(xs),
                        reverse)
                .get(0);
    }

    /**
     * Runs a recurrence with several carried values and sequences.
     *
     * @param step the step
     * @param init the carried values before the first step: at least one, floating, one dtype
     * @param xs the sequences: at least one, each {@code [T, ...]} with the same {@code T}
     * @param reverse whether to run from the last row to the first
     * @return for each carried value, its values after every step, {@code [T, ...shape]}
     */
    public static List<Tensor> scan(
            Step step, List<Tensor> init, List<Tensor> xs, boolean reverse) {
        int n = check(init, xs);
        if (n == 0) {
            List<Tensor> out = new ArrayList<>();
            for (Tensor c : init) {
                out.add(Shaping.unsqueeze(c, 0).narrow(0, 0, 0));
            }
            return out;
        }
        if (init.size() == 1) {
            Tensor y =
                    Loop.apply(
                            (c, x) -> {
                                List<Tensor> next = step.apply(List.of(c), x);
                                checkCount(next, 1);
                                return next.get(0);
                            },
                            init.get(0),
                            xs,
                            reverse);
            return List.of(y);
        }
        CarryLayout layout = new CarryLayout(init);
        Tensor y =
                Loop.apply(
                        (c, x) -> {
                            List<Tensor> next = step.apply(layout.unpack(c), x);
                            checkCount(next, init.size());
                            return layout.pack(next);
                        },
                        layout.pack(init),
                        xs,
                        reverse);
        return layout.unpackRows(y);
    }

    /** Checks the arguments and returns the sequences' length. */
    private static int check(List<Tensor> init, List<Tensor> xs) {
        if (init.isEmpty()) {
            throw new IllegalArgumentException("scan: needs at least one carried value");
        }
        if (xs.isEmpty()) {
            throw new IllegalArgumentException(
                    "scan: needs at least one sequence to run along (its first axis is time); pass"
                            + " indices or zeros of length T if the step needs no data");
        }
        DType dt = init.get(0).dtype();
        for (int i = 0; i < init.size(); i++) {
            Tensor c = init.get(i);
            Checks.sameBackend(init.get(0), c, "scan");
            if (!c.dtype().isFloating() || c.dtype() != dt) {
                throw new IllegalArgumentException(
                        "scan: carried values must share one floating dtype; value "
                                + i
                                + " is "
                                + c.dtype()
                                + (i > 0 ? ", value 0 is " + dt : ""));
            }
        }
        int n = -1;
        for (int i = 0; i < xs.size(); i++) {
            Tensor x = xs.get(i);
            Checks.sameBackend(init.get(0), x, "scan");
            if (x.rank() == 0) {
                throw new IllegalArgumentException(
                        "scan: sequence "
                                + i
                                + " is a scalar; a sequence has time as its first axis");
            }
            if (n >= 0 && x.dim(0) != n) {
                throw new IllegalArgumentException(
                        "scan: sequence "
                                + i
                                + " has "
                                + x.dim(0)
                                + " steps, sequence 0 has "
                                + n
                                + "; all sequences need the same length");
            }
            n = x.dim(0);
        }
        return n;
    }

    private static void checkCount(List<Tensor> next, int expected) {
        if (next.size() != expected) {
            throw new IllegalArgumentException(
                    "scan: the step returned "
                            + next.size()
                            + " carried values, expected "
                            + expected
                            + " (one per initial value)");
        }
    }

    /** Packs several carried values into one flat vector, the form a {@link Loop} carries. */
    private static final class CarryLayout {
        private final List<Tensor> like;
        private final int[] offsets;

        CarryLayout(List<Tensor> init) {
            this.like = List.copyOf(init);
            this.offsets = new int[init.size() + 1];
            for (int i = 0; i < init.size(); i++) {
                offsets[i + 1] = offsets[i] + init.get(i).size();
            }
        }

        Tensor pack(List<Tensor> values) {
            List<Tensor> flat = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                Tensor v = values.get(i);
                Tensor l = like.get(i);
                if (!v.shape().equals(l.shape()) || v.dtype() != l.dtype()) {
                    throw new IllegalArgumentException(
                            "scan: the step returned "
                                    + v.dtype()
                                    + v.shape()
                                    + " for carried value "
                                    + i
                                    + ", which is "
                                    + l.dtype()
                                    + l.shape()
                                    + "; it must keep the shape and dtype");
                }
                flat.add(v.reshape(v.size()));
            }
            return Indexing.concat(flat, 0);
        }

        List<Tensor> unpack(Tensor packed) {
            List<Tensor> out = new ArrayList<>(like.size());
            for (int i = 0; i < like.size(); i++) {
                out.add(
                        packed.narrow(0, offsets[i], offsets[i + 1])
                                .reshape(like.get(i).shape().dims()));
            }
            return out;
        }

        List<Tensor> unpackRows(Tensor rows) {
            int n = rows.dim(0);
            List<Tensor> out = new ArrayList<>(like.size());
            for (int i = 0; i < like.size(); i++) {
                int[] dims = like.get(i).shape().dims();
                int[] d = new int[dims.length + 1];
                d[0] = n;
                System.arraycopy(dims, 0, d, 1, dims.length);
                out.add(rows.narrow(1, offsets[i], offsets[i + 1]).reshape(d));
            }
            return out;
        }
    }
}
