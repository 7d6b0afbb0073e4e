package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The normal (Gaussian) distribution with mean {@code loc} and standard deviation {@code scale}:
 * {@code log p(x) = -((x - loc) / scale)^2 / 2 - log scale - log(2 pi) / 2}. Reparameterised as
 * {@code loc + scale * eps} with standard normal {@code eps}.
 */
public final class Normal extends Distribution {
    static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final Tensor loc;
    private final Tensor scale;

    /**
     * Creates a batch of normals.
     *
     * @param loc the means
     * @param scale the standard deviations, positive
     */
    public Normal(Tensor loc, Tensor scale) {
        super(broadcastParams("Normal", loc, scale), Shape.scalar());
        this.loc = expandParam(loc, batchShape());
        this.scale = expandParam(scale, batchShape());
        checkParam("loc", this.loc, Constraints.real());
        checkParam("scale", this.scale, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar normal.
     *
     * @param b the backend
     * @param loc the mean
     * @param scale the standard deviation
     * @return the distribution
     */
    public static Normal of(Backend b, double loc, double scale) {
        return new Normal(
                Tensor.scalar(b, loc, DType.FLOAT64), Tensor.scalar(b, scale, DType.FLOAT64));
    }

    /**
     * Creates a normal with a tensor mean and a constant standard deviation.
     *
     * @param loc the means
     * @param scale the standard deviation
     * @return the distribution
     */
    public static Normal of(Tensor loc, double scale) {
        return new Normal(loc, loc.scalarLike(scale));
    }

    /**
     * Returns the means.
     *
     * @return {@code loc}, broadcast to the batch shape
     */
    public Tensor loc() {
        return loc;
    }

    /**
     * Returns the standard deviations.
     *
     * @return {@code scale}, broadcast to the batch shape
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
        return loc.add(scale.mul(standardNormal(key, loc, shape(sampleShape))));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor z = value.sub(loc).div(scale);
        return z.square().mul(-0.5).sub(scale.log()).sub(HALF_LOG_2PI);
    }

    @Override
    public Tensor mean() {
        return loc;
    }

    @Override
    public Tensor variance() {
        return scale.square();
    }

    @Override
    public Tensor stddev() {
        return scale;
    }

    @Override
    public Tensor entropy() {
        return scale.log().add(0.5 + HALF_LOG_2PI);
    }

    @Override
    public Normal expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new Normal(expandParam(loc, s), expandParam(scale, s));
    }
}
