package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The half-Cauchy distribution: {@code |Y|} for {@code Y ~ Cauchy(0, scale)}, the weakly
 * informative prior for group-level scales of Gelman (2006). {@code log p(x) = log(2 / (pi scale))
 * - log1p((x / scale)^2)} for {@code x >= 0}; its mean and variance are infinite.
 */
public final class HalfCauchy extends Distribution {
    private final Tensor scale;

    /**
     * Creates a batch of half-Cauchy distributions.
     *
     * @param scale the scales, positive
     */
    public HalfCauchy(Tensor scale) {
        super(broadcastParams("HalfCauchy", scale), Shape.scalar());
        this.scale = scale;
        checkParam("scale", scale, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar half-Cauchy distribution.
     *
     * @param b the backend
     * @param scale the scale
     * @return the distribution
     */
    public static HalfCauchy of(Backend b, double scale) {
        return new HalfCauchy(Tensor.scalar(b, scale, DType.FLOAT64));
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
        return Constraints.nonNegative();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor t = openUniform(key, scale, shape(sampleShape)).mul(Math.PI / 2);
        return scale.mul(t.sin().div(t.cos()));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor z = value.div(scale);
        return z.square().log1p().neg().sub(scale.log()).add(Math.log(2) - Cauchy.LOG_PI);
    }

    @Override
    public Tensor mean() {
        return scale.zerosLike().add(Double.POSITIVE_INFINITY);
    }

    @Override
    public Tensor variance() {
        return scale.zerosLike().add(Double.POSITIVE_INFINITY);
    }

    @Override
    public Tensor entropy() {
        return scale.log().add(Math.log(2 * Math.PI));
    }

    @Override
    public HalfCauchy expand(Shape newBatchShape) {
        return new HalfCauchy(expandParam(scale, checkExpand(newBatchShape)));
    }
}
