package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * {@code y = loc + scale * x}, elementwise with broadcasting; {@code log|dy/dx| = log|scale|} per
 * element, summed over the trailing {@code eventDim} axes.
 */
public final class AffineBijector extends Bijector {
    private final Tensor loc;
    private final Tensor scale;
    private final int eventDim;

    /**
     * Creates an elementwise affine map.
     *
     * @param loc the shift
     * @param scale the non-zero factor
     */
    public AffineBijector(Tensor loc, Tensor scale) {
        this(loc, scale, 0);
    }

    /**
     * Creates an affine map on events of {@code eventDim} axes.
     *
     * @param loc the shift
     * @param scale the non-zero factor
     * @param eventDim the number of trailing axes forming one event
     */
    public AffineBijector(Tensor loc, Tensor scale, int eventDim) {
        this.loc = loc;
        this.scale = scale;
        this.eventDim = eventDim;
    }

    /**
     * Returns the shift.
     *
     * @return {@code loc}
     */
    public Tensor loc() {
        return loc;
    }

    /**
     * Returns the factor.
     *
     * @return {@code scale}
     */
    public Tensor scale() {
        return scale;
    }

    @Override
    public Tensor forward(Tensor x) {
        return loc.add(scale.mul(x));
    }

    @Override
    public Tensor inverse(Tensor y) {
        return y.sub(loc).div(scale);
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        Tensor perElement = scale.abs().log().broadcastTo(x.shape().dims());
        return Reductions.sumRightmost(perElement, eventDim);
    }

    @Override
    public Constraint domain() {
        return Constraints.independent(Constraints.real(), eventDim);
    }

    @Override
    public Constraint codomain() {
        return Constraints.independent(Constraints.real(), eventDim);
    }
}
