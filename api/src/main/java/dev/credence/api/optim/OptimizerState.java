package dev.credence.api.optim;

import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * The complete state of an optimizer between steps: the number of updates done and, for each slot
 * (momentum, first or second moment), one tensor per parameter. Being a plain record of tensors, it
 * checkpoints as named arrays ({@code slot<k>.<i>}) and a resumed run continues bit-exactly.
 *
 * @param step the number of updates applied so far
 * @param slots {@code slots.get(k).get(i)} is slot k of parameter i
 */
public record OptimizerState(long step, List<List<Tensor>> slots) {

    /**
     * Copies the lists.
     *
     * @param step the number of updates applied so far
     * @param slots the per-parameter slot tensors
     */
    public OptimizerState {
        if (step < 0) {
            throw new IllegalArgumentException("optimizer step must be >= 0, found " + step);
        }
        slots = slots.stream().map(List::copyOf).toList();
    }
}
