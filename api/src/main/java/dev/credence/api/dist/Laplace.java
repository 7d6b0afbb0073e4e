package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The Laplace (double exponential) distribution: {@code log p(x) = -log(2 scale) - |x - loc| /
 * scale}. Reparameterised by inverting its CDF: {@code loc - scale sign(u) log1p(-2|u|)} with
 * {@code u} uniform on (-1/2, 1/2).
 */
public final class Laplace extends Distribution {
    private final Tensor loc;
    private final Tensor scale;

    /**
     * Creates a batch of Laplace distributions.
     *
     * @param loc the locations
     * @param scale the scales, positive
     */
    public Laplace(Tensor loc, Tensor scale) {
        super(broadcastParams("Laplace", loc, scale), Shape.scalar());
        this.loc = expandParam(loc, batchShape());
        this.scale = expandParam(scale, batchShape());
        checkParam("loc", this.loc, Constraints.real());
        checkParam("scale", this.scale, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar Laplace distribution.
     *
     * @param b the backend
     * @param loc the location
     * @param scale the scale
     * @return the distribution
     */
    public static Laplace of(Backend b, double loc, double scale) {
        return new Laplace(
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
        Tensor u = openUniform(key, loc, shape(sampleShape)).sub(0.5);
        return loc.sub(scale.mul(u.sign()).mul(u.abs().mul(-2).log1p()));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        return value.sub(loc).abs().div(scale).neg().sub(scale.mul(2).log());
    }

    @Override
    public Tensor mean() {
        return loc;
    }

    @Override
    public Tensor variance() {
        return scale.square().mul(2);
    }

    @Override
    public Tensor entropy() {
        return scale.mul(2).log().add(1);
    }

    @Override
    public Laplace expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new Laplace(expandParam(loc, s), expandParam(scale, s));
    }
}
