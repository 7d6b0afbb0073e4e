package dev.credence.api.autodiff;

import dev.credence.api.tensor.Tape;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reverse-mode automatic differentiation over the primitives of {@link Tensor}.
 *
 * <p>{@link #valueAndGrad(Function, List)} calls a function on fresh <em>variables</em> (tracked
 * copies of the arguments), records every primitive applied to tensors that depend on them, then
 * walks the record backwards applying one vector-Jacobian rule per primitive to obtain the gradient
 * of the scalar result with respect to each argument:
 *
 * <pre>{@code
 * ValueAndGrad r = Autodiff.valueAndGrad(p -> loss(p.get(0), p.get(1)), List.of(w, b));
 * Tensor dw = r.grads().get(0);
 * }</pre>
 *
 * <p><b>Gradients of gradients.</b> With {@code createGraph = true} the backward pass is itself
 * recorded, so its results can be differentiated again. Nested calls compose: a variable made
 * inside an outer differentiation stays connected to the outer variable, and each backward pass
 * stops at its own variables. A Hessian-vector product is therefore:
 *
 * <pre>{@code
 * Tensor hv = Autodiff.valueAndGrad(
 *         xs -> Autodiff.valueAndGrad(f, xs, true).grads().get(0).mul(v).sum(),
 *         List.of(x)).grads().get(0);
 * }</pre>
 *
 * <p>Recording is per thread; {@link #noGrad()} suspends it for a block.
 */
public final class Autodiff {
    private Autodiff() {}

    /**
     * The value of a function and its gradients.
     *
     * @param value the scalar value
     * @param grads one gradient per argument, each of the argument's shape
     */
    public record ValueAndGrad(Tensor value, List<Tensor> grads) {}

    /**
     * Evaluates a scalar function and its gradient with respect to every argument.
     *
     * @param f the function; must return a one-element floating tensor
     * @param args the arguments
     * @return the value (detached) and gradients
     */
    public static ValueAndGrad valueAndGrad(Function<List<Tensor>, Tensor> f, List<Tensor> args) {
        return valueAndGrad(f, args, false);
    }

    /**
     * Evaluates a scalar function and its gradient, optionally recording the backward pass.
     *
     * @param f the function; must return a one-element floating tensor
     * @param args the arguments
     * @param createGraph whether to record the backward pass so the gradients can be differentiated
     *     again
     * @return the value and gradients (tracked when {@code createGraph})
     */
    public static ValueAndGrad valueAndGrad(
            Function<List<Tensor>, Tensor> f, List<Tensor> args, boolean createGraph) {
        List<Tensor> vars = new ArrayList<>(args.size());
        for (Tensor a : args) {
            vars.add(variable(a));
        }
        Tensor y;
        boolean before = Tape.setRecording(true);
        try {
            y = f.apply(vars);
        } finally {
            Tape.setRecording(before);
        }
        if (y.size() != 1) {
            throw new IllegalArgumentException(
                    "valueAndGrad: the function must return one value, found shape "
                            + y.shape()
                            + "; sum or average it first, or use vjp with a cotangent");
        }
        List<Tensor> grads = backward(y, y.onesLike(), vars, createGraph);
        return new ValueAndGrad(createGraph ? y : y.detach(), grads);
    }

    /**
     * Gradient of a scalar function of one tensor.
     *
     * @param f the function
     * @param x the argument
     * @return the gradient, shaped like {@code x}
     */
    public static Tensor grad(Function<Tensor, Tensor> f, Tensor x) {
        return valueAndGrad(a -> f.apply(a.get(0)), List.of(x)).grads().get(0);
    }

    /**
     * Vector-Jacobian product of a tensor-valued function.
     *
     * @param f the function
     * @param args the arguments
     * @param cotangent the vector, shaped like the function's output
     * @return one product per argument
     */
    public static List<Tensor> vjp(
            Function<List<Tensor>, Tensor> f, List<Tensor> args, Tensor cotangent) {
        List<Tensor> vars = new ArrayList<>(args.size());
        for (Tensor a : args) {
            vars.add(variable(a));
        }
        Tensor y;
        boolean before = Tape.setRecording(true);
        try {
            y = f.apply(vars);
        } finally {
            Tape.setRecording(before);
        }
        if (!y.shape().equals(cotangent.shape())) {
            throw new IllegalArgumentException(
                    "vjp: cotangent shape "
                            + cotangent.shape()
                            + " differs from output "
                            + y.shape());
        }
        return backward(y, cotangent, vars, false);
    }

    /**
     * Makes a variable: a tracked alias of {@code x} whose gradient the next backward pass
     * collects. If {@code x} is itself tracked, the variable stays connected to it.
     *
     * @param x the value
     * @return the variable
     */
    public static Tensor variable(Tensor x) {
        return Tape.variable(x);
    }

    /**
     * Suspends recording on this thread until the returned scope is closed.
     *
     * <pre>{@code
     * try (var off = Autodiff.noGrad()) { ... }
     * }</pre>
     *
     * @return the scope
     */
    public static NoGrad noGrad() {
        return new NoGrad(Tape.setRecording(false));
    }

    /**
     * Tells whether operations are being recorded on this thread.
     *
     * @return true unless inside {@link #noGrad()}
     */
    public static boolean isRecording() {
        return Tape.isRecording();
    }

    /** A block in which operations are not recorded. */
    public static final class NoGrad implements AutoCloseable {
        private final boolean before;
        private boolean closed;

        private NoGrad(boolean before) {
            this.before = before;
        }

        /** Restores the recording state from before the block. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                Tape.setRecording(before);
            }
        }
    }

    /**
     * Back-propagates {@code seed} from {@code y} to the given variables.
     *
     * @param y the output
     * @param seed its cotangent
     * @param vars variables made by {@link #variable(Tensor)}
     * @param createGraph whether to record the backward pass
     * @return one cotangent per variable (zeros where {@code y} does not depend on it)
     */
    public static List<Tensor> backward(
            Tensor y, Tensor seed, List<Tensor> vars, boolean createGraph) {
        return Tape.backward(y, seed, vars, createGraph);
    }
}
