package dev.credence.inference.vi;

import dev.credence.api.optim.OptimizerState;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The complete state of stochastic variational inference between steps: which params there are,
 * their unconstrained values, the optimizer's state and the number of steps taken. Step {@code s}
 * (counting from 0) uses the key {@code runKey.fold(s)}, so a state and the run's key determine the
 * rest of the run: a run resumed from a checkpointed state continues bit for bit.
 *
 * @param space the params and their constraints
 * @param step the number of steps taken
 * @param params the unconstrained values, one per param of {@code space}, in order
 * @param optimizer the optimizer's state
 */
public record SviState(ParamSpace space, long step, List<Tensor> params, OptimizerState optimizer) {

    /**
     * Copies the list and checks it against the space.
     *
     * @param space the params and their constraints
     * @param step the number of steps taken
     * @param params the unconstrained values
     * @param optimizer the optimizer's state
     */
    public SviState {
        params = List.copyOf(params);
        if (params.size() != space.entries().size()) {
            throw new IllegalArgumentException(
                    "SVI state: "
                            + params.size()
                            + " values for the "
                            + space.entries().size()
                            + " params "
                            + space.names());
        }
        if (step < 0) {
            throw new IllegalArgumentException("SVI state: step must be >= 0, found " + step);
        }
    }

    /**
     * Returns the params' constrained values.
     *
     * @return values by param name
     */
    public Map<String, Tensor> constrained() {
        return space.constrain(params);
    }
}
