package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The log-normal distribution: {@code exp(Y)} for {@code Y ~ Normal(loc, scale)}. Its density is
 * the normal density of {@code log x} times {@code 1 / x}.
 */
public final class LogNormal extends Distribution {
    private final Tensor loc;
    private final Tensor scale;

    /**
     * Creates a batch of log-normals.
     *
     * @param loc the means of {@code log X}
     * @param scale the standard deviations of {@code log X}, positive
     */
    public LogNormal(Tensor loc, Tensor scale) {
        super(broadcastParams("LogNormal", loc, scale), Shape.scalar());
        this.loc = expandParam(loc, batchShape());
        this.scale = expandParam(scale, batchShape());
        checkParam("loc", this.loc, Constraints.real());
        checkParam("scale", this.scale, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar log-normal.
     *
     * @param b the backend
     * @param loc the mean of {@code log X}
     * @param scale the standard deviation of {@code log X}
     * @return the distribution
     */
    public static LogNormal of(Backend b, double loc, double scale) {
        return new LogNormal(
                Tensor.scalar(b, loc, DType.FLOAT64), Tensor.scalar(b, scale, DType.FLOAT64));
    }

    /**
     * Returns the means of {@code log X}.
     *
     * @return {@code loc}
     */
    public Tensor loc() {
        return loc;
    }

    /**
     * Returns the standard deviations of {@code log X}.
     *
     * @return {@code scale}
     */
    public Tensor scale() {
        return scale;
    }

    @Override
    public Constraint support() {
        return Constraints.positive();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        return loc.add(scale.mul(standardNormal(key, loc, shape(sampleShape)))).exp();
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor logX = value.log();
        Tensor z = logX.sub(loc).div(scale);
        return z.square().mul(-0.5).sub(scale.log()).sub(Normal.HALF_LOG_2PI).sub(logX);
    }

    @Override
    public Tensor mean() {
        return loc.add(scale.square().mul(0.5)).exp();
    }

    @Override
    public Tensor variance() {
        Tensor s2 = scale.square();
        return s2.expm1().mul(loc.mul(2).add(s2).exp());
    }

    @Override
    public Tensor entropy() {
        return loc.add(scale.log()).add(0.5 + Normal.HALF_LOG_2PI);
    }

    @Override
    public LogNormal expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new LogNormal(expandParam(loc, s), expandParam(scale, s));
    }
}
