package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Tensor;

/**
 * A bound of a constraint or bijector: either a constant or a tensor that broadcasts against the
 * values it bounds (such as the {@code low} parameter of a batch of uniform distributions).
 */
public final class Bound {
    private final double value;
    private final Tensor tensor;

    private Bound(double value, Tensor tensor) {
        this.value = value;
        this.tensor = tensor;
    }

    /**
     * A constant bound.
     *
     * @param value the bound
     * @return the bound
     */
    public static Bound of(double value) {
        return new Bound(value, null);
    }

    /**
     * A tensor bound.
     *
     * @param tensor the bound, broadcasting against the bounded values
     * @return the bound
     */
    public static Bound of(Tensor tensor) {
        return new Bound(Double.NaN, tensor);
    }

    /**
     * Tells whether this bound is the given constant.
     *
     * @param v the constant
     * @return true for a constant bound equal to {@code v}
     */
    public boolean is(double v) {
        return tensor == null && value == v;
    }

    /**
     * Returns the bound as a tensor of the dtype and backend of {@code x}.
     *
     * @param x a tensor the bound applies to
     * @return a scalar for a constant bound, otherwise the tensor (cast to x's dtype if needed)
     */
    public Tensor like(Tensor x) {
        return tensor == null ? x.scalarLike(value) : tensor.cast(x.dtype());
    }

    @Override
    public String toString() {
        if (tensor == null) {
            return Double.toString(value);
        }
        return tensor.size() == 1 ? Double.toString(tensor.item()) : "tensor" + tensor.shape();
    }
}
