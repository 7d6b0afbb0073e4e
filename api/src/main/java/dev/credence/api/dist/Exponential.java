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
 * The exponential distribution with a rate: {@code log p(x) = log rate - rate x} for {@code x >=
 * 0}. Reparameterised as {@code -log(u) / rate}.
 */
public final class Exponential extends Distribution {
    private final Tensor rate;

    /**
     * Creates a batch of exponentials.
     *
     * @param rate the rates (inverse means), positive
     */
    public Exponential(Tensor rate) {
        super(broadcastParams("Exponential", rate), Shape.scalar());
        this.rate = rate;
        checkParam("rate", rate, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar exponential.
     *
     * @param b the backend
     * @param rate the rate
     * @return the distribution
     */
    public static Exponential of(Backend b, double rate) {
        return new Exponential(Tensor.scalar(b, rate, DType.FLOAT64));
    }

    /**
     * Returns the rates.
     *
     * @return {@code rate}
     */
    public Tensor rate() {
        return rate;
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
        return openUniform(key, rate, shape(sampleShape)).log().neg().div(rate);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        return rate.log().sub(rate.mul(value));
    }

    @Override
    public Tensor mean() {
        return Elementwise.reciprocal(rate);
    }

    @Override
    public Tensor variance() {
        return Elementwise.reciprocal(rate.square());
    }

    @Override
    public Tensor entropy() {
        return rate.log().neg().add(1);
    }

    @Override
    public Exponential expand(Shape newBatchShape) {
        return new Exponential(expandParam(rate, checkExpand(newBatchShape)));
    }
}
