package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The half-normal distribution: {@code |Y|} for {@code Y ~ Normal(0, scale)}, a common prior for
 * scale parameters. {@code log p(x) = log 2 + log N(x | 0, scale)} for {@code x >= 0}.
 */
public final class HalfNormal extends Distribution {
    private static final double LOG_2 = Math.log(2);

    private final Tensor scale;

    /**
     * Creates a batch of half-normals.
     *
     * @param scale the scales, positive
     */
    public HalfNormal(Tensor scale) {
        super(broadcastParams("HalfNormal", scale), Shape.scalar());
        this.scale = scale;
        checkParam("scale", scale, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar half-normal.
     *
     * @param b the backend
     * @param scale the scale
     * @return the distribution
     */
    public static HalfNormal of(Backend b, double scale) {
        return new HalfNormal(Tensor.scalar(b, scale, DType.FLOAT64));
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
        return scale.mul(standardNormal(key, scale, shape(sampleShape)).abs());
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor z = value.div(scale);
        return z.square().mul(-0.5).sub(scale.log()).add(LOG_2 - Normal.HALF_LOG_2PI);
    }

    @Override
    public Tensor mean() {
        return scale.mul(Math.sqrt(2 / Math.PI));
    }

    @Override
    public Tensor variance() {
        return scale.square().mul(1 - 2 / Math.PI);
    }

    @Override
    public Tensor entropy() {
        return scale.log().add(0.5 * Math.log(Math.PI / 2) + 0.5);
    }

    @Override
    public HalfNormal expand(Shape newBatchShape) {
        return new HalfNormal(expandParam(scale, checkExpand(newBatchShape)));
    }
}
