package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The Cauchy distribution: {@code log p(x) = -log(pi scale) - log1p(((x - loc) / scale)^2)}. It has
 * no mean or variance ({@link #mean()} and {@link #variance()} return NaN and +infinity).
 * Reparameterised as {@code loc + scale tan(pi (u - 1/2))}.
 */
public final class Cauchy extends Distribution {
    static final double LOG_PI = Math.log(Math.PI);

    private final Tensor loc;
    private final Tensor scale;

    /**
     * Creates a batch of Cauchy distributions.
     *
     * @param loc the locations (medians)
     * @param scale the scales (half widths at half maximum), positive
     */
    public Cauchy(Tensor loc, Tensor scale) {
        super(broadcastParams("Cauchy", loc, scale), Shape.scalar());
        this.loc = expandParam(loc, batchShape());
        this.scale = expandParam(scale, batchShape());
        checkParam("loc", this.loc, Constraints.real());
        checkParam("scale", this.scale, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar Cauchy distribution.
     *
     * @param b the backend
     * @param loc the location
     * @param scale the scale
     * @return the distribution
     */
    public static Cauchy of(Backend b, double loc, double scale) {
        return new Cauchy(
                Tensor.scalar(b, loc, DType.FLOAT64), Tensor.scalar(b, scale, DType.FLOAT64));
    }

    /**
     * Returns the locations.
     *
     * @return {@code loc}
     */
    public Tensor loc() {
        return loc;
    }

    /**
     * Returns the scales.
     *
     * @return {@code scale}
     */
    public Tensor scale() {
        return scale;
    }

    @Override
    public Constraint support() {
        return Constraints.real();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor t = openUniform(key, loc, shape(sampleShape)).sub(0.5).mul(Math.PI);
        return loc.add(scale.mul(t.sin().div(t.cos())));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor z = value.sub(loc).div(scale);
        return z.square().log1p().neg().sub(scale.log()).sub(LOG_PI);
    }

    @Override
    public Tensor mean() {
        return loc.mul(Double.NaN);
    }

    @Override
    public Tensor variance() {
        return scale.zerosLike().add(Double.POSITIVE_INFINITY);
    }

    @Override
    public Tensor entropy() {
        return scale.log().add(Math.log(4 * Math.PI));
    }

    @Override
    public Cauchy expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new Cauchy(expandParam(loc, s), expandParam(scale, s));
    }
}
