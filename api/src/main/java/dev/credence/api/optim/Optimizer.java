package dev.credence.api.optim;

import dev.credence.api.tensor.Feed;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Recording;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * A first-order optimizer as a pure state transition: parameters, gradients and state in; new
 * parameters and state out. Nothing is mutated, so a step can be retried, checkpointed or run on
 * several parameter sets at once.
 *
 * <p>The protocol:
 *
 * <ol>
 *   <li>{@link #init(List)} once, with the initial parameters;
 *   <li>for each step, compute gradients of the loss to minimise, then {@link #step(List, List,
 *       OptimizerState)};
 *   <li>to resume, keep the last {@link OptimizerState} (it is a record of tensors) and continue.
 * </ol>
 *
 * Implementations run their arithmetic without recording gradients.
 */
public interface Optimizer {

    /**
     * The result of one step.
     *
     * @param params the updated parameters, in the order given
     * @param state the state after the step
     */
    record Update(List<Tensor> params, OptimizerState state) {}

    /**
     * Creates the initial state for these parameters (zero slots, step 0).
     *
     * @param params the parameters
     * @return the state
     */
    OptimizerState init(List<Tensor> params);

    /**
     * Applies one update that decreases the loss whose gradients are given.
     *
     * @param params the current parameters
     * @param grads the gradients, one per parameter, same shapes
     * @param state the state from {@link #init} or the previous step
     * @return the new parameters and state
     */
    Update step(List<Tensor> params, List<Tensor> grads, OptimizerState state);

    /**
     * Checks that parameters, gradients and state line up.
     *
     * @param params the parameters
     * @param grads the gradients
     * @param state the state
     * @param slots the number of slots this optimizer keeps
     */
    static void checkAligned(
            List<Tensor> params, List<Tensor> grads, OptimizerState state, int slots) {
        if (params.size() != grads.size()) {
            throw new IllegalArgumentException(
                    "optimizer: "
                            + params.size()
                            + " parameters but "
                            + grads.size()
                            + " gradients");
        }
        if (state.slots().size() != slots) {
            throw new IllegalArgumentException(
                    "optimizer: state has "
                            + state.slots().size()
                            + " slots, this optimizer keeps "
                            + slots);
        }
        for (int i = 0; i < params.size(); i++) {
            if (!params.get(i).shape().equals(grads.get(i).shape())) {
                throw new IllegalArgumentException(
                        "optimizer: parameter "
                                + i
                                + " has shape "
                                + params.get(i).shape()
                                + " but its gradient has "
                                + grads.get(i).shape());
            }
            for (List<Tensor> slot : state.slots()) {
                if (slot.size() != params.size()
                        || !slot.get(i).shape().equals(params.get(i).shape())) {
                    throw new IllegalArgumentException(
                            "optimizer: state does not match parameter "
                                    + i
                                    + " of shape "
                                    + params.get(i).shape()
                                    + " (was it created for other parameters?)");
                }
            }
        }
    }

    /**
     * Zero slots for every parameter.
     *
     * @param params the parameters
     * @param slots how many slots
     * @return the state at step 0
     */
    static OptimizerState zeros(List<Tensor> params, int slots) {
        List<List<Tensor>> s = new java.util.ArrayList<>();
        for (int k = 0; k < slots; k++) {
            s.add(params.stream().map(p -> p.detach().zerosLike()).toList());
        }
        return new OptimizerState(0, s);
    }

    /**
     * A scalar that depends on the step count, such as a scheduled rate or a bias correction, for
     * use inside {@link #step}. Made as {@code like.scalarLike(value(t))}; while a {@link Program}
     * is recorded it is also declared as a {@link Feed} whose step moves with the replayed run, so
     * a compiled training step computes it afresh at every step instead of freezing the recorded
     * value.
     *
     * @param like gives the dtype and backend
     * @param t the step count the value is for ({@code state.step() + 1} in {@link #step})
     * @param value the scalar as a function of the step count
     * @return the scalar tensor
     */
    static Tensor stepScalar(Tensor like, long t, LongToDoubleFunction value) {
        Tensor s = like.scalarLike(value.applyAsDouble(t));
        if (Recording.isActive()) {
            Recording.feed(s, Feed.scalar(s, t, value));
        }
        return s;
    }
}
