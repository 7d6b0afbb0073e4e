package dev.credence.api.dist;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Tensor;

/**
 * The trivial, unnormalised distribution of the unit type: one outcome with a given log-weight.
 * Observing it adds that weight to the model's log joint, which is Stan's {@code target += ...};
 * {@link dev.credence.api.model.ModelContext#factor} does exactly that, and is the way to use it.
 *
 * <p>The observed value carries no information: {@link #logProb} returns the log-weight, broadcast
 * to the value's batch shape, whatever the value is.
 */
public final class Unit extends Distribution {
    private final Tensor logWeight;

    /**
     * Creates a batch of unit distributions.
     *
     * @param logWeight the log-weights, one per batch index (floating dtype)
     */
    public Unit(Tensor logWeight) {
        super(broadcastParams("Unit", logWeight), Shape.scalar());
        this.logWeight = logWeight;
    }

    /**
     * Returns the log-weights.
     *
     * @return {@code logWeight}
     */
    public Tensor logWeight() {
        return logWeight;
    }

    @Override
    public Constraint support() {
        return Constraints.real();
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Shape s = Shape.broadcast(value.shape(), batchShape(), "Unit.logProb");
        return logWeight.broadcastTo(s.dims());
    }

    @Override
    public Unit expand(Shape newBatchShape) {
        return new Unit(logWeight.broadcastTo(checkExpand(newBatchShape).dims()));
    }
}
