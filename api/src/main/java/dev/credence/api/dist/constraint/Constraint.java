package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Tensor;

/**
 * A region of the space a random variable lives in: the support of a distribution, the domain or
 * codomain of a bijector, or the range of a parameter.
 *
 * <p>A constraint has an event dimension: the number of rightmost axes that {@link #check(Tensor)}
 * judges together. A simplex constrains whole vectors (event dimension 1), a correlation Cholesky
 * factor whole matrices (2), and {@code positive} each element alone (0).
 *
 * <p>Constraint types are the keys of the bijector registries ({@link
 * dev.credence.api.dist.bijector.BijectorRegistry}): a new constraint type becomes usable in HMC
 * once a factory for it is registered there.
 */
public abstract class Constraint {

    /** For subclasses. */
    protected Constraint() {}

    /**
     * Tells, for each event, whether the value satisfies the constraint.
     *
     * @param value a tensor whose rightmost {@link #eventDim()} axes form one event
     * @return a BOOL tensor of the value's shape without its event axes
     */
    public abstract Tensor check(Tensor value);

    /**
     * Returns the number of rightmost axes that form one event.
     *
     * @return the event dimension
     */
    public int eventDim() {
        return 0;
    }

    /**
     * Tells whether the constrained values are discrete (integers), which rules out HMC.
     *
     * @return true for integer-valued supports
     */
    public boolean isDiscrete() {
        return false;
    }

    /**
     * Describes the constraint for error messages, e.g. {@code positive (x > 0)}.
     *
     * @return the description
     */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }
}
