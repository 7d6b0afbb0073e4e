package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;

/**
 * The continuous uniform distribution on {@code [low, high)}: {@code log p(x) = -log(high - low)}
 * inside and {@code -infinity} outside. Reparameterised as {@code low + (high - low) u}.
 */
public final class Uniform extends Distribution {
    private final Tensor low;
    private final Tensor high;

    /**
     * Creates a batch of uniform distributions.
     *
     * @param low the lower ends
     * @param high the upper ends, greater than {@code low}
     */
    public Uniform(Tensor low, Tensor high) {
        super(broadcastParams("Uniform", low, high), Shape.scalar());
        this.low = expandParam(low, batchShape());
        this.high = expandParam(high, batchShape());
        checkParam("low", this.low, Constraints.real());
        checkParam("high", this.high, Constraints.greaterThan(this.low));
    }

    /**
     * Creates a FLOAT64 scalar uniform distribution.
     *
     * @param b the backend
     * @param low the lower end
     * @param high the upper end
     * @return the distribution
     */
    public static Uniform of(Backend b, double low, double high) {
        return new Uniform(
                Tensor.scalar(b, low, DType.FLOAT64), Tensor.scalar(b, high, DType.FLOAT64));
    }

    /**
     * Returns the lower ends.
     *
     * @return {@code low}
     */
    public Tensor low() {
        return low;
    }

    /**
     * Returns the upper ends.
     *
     * @return {@code high}
     */
    public Tensor high() {
        return high;
    }

    @Override
    public Constraint support() {
        return Constraints.interval(low, high);
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor u = key.uniform(low.backend(), low.dtype(), shape(sampleShape).dims());
        return low.add(high.sub(low).mul(u));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor inside = Elementwise.and(value.ge(low), value.lt(high));
        Tensor lp = high.sub(low).log().neg();
        return Tensor.where(inside, lp, lp.zerosLike().add(Double.NEGATIVE_INFINITY));
    }

    @Override
    public Tensor mean() {
        return low.add(high).mul(0.5);
    }

    @Override
    public Tensor variance() {
        return high.sub(low).square().div(12);
    }

    @Override
    public Tensor entropy() {
        return high.sub(low).log();
    }

    @Override
    public Uniform expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new Uniform(expandParam(low, s), expandParam(high, s));
    }
}
