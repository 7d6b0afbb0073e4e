package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.dist.internal.HostSampler;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;

/**
 * The Poisson distribution: {@code log p(k) = k log rate - rate - lgamma(k + 1)}. Draws are exact:
 * inversion for small rates, Knuth's gamma/binomial recursion for large ones (see {@link
 * HostSampler}).
 */
public final class Poisson extends Distribution {
    private final Tensor rate;

    /**
     * Creates a batch of Poisson distributions.
     *
     * @param rate the means, non-negative
     */
    public Poisson(Tensor rate) {
        super(broadcastParams("Poisson", rate), Shape.scalar());
        this.rate = rate;
        checkParam("rate", rate, Constraints.nonNegative());
    }

    /**
     * Creates a FLOAT64 scalar Poisson distribution.
     *
     * @param b the backend
     * @param rate the mean
     * @return the distribution
     */
    public static Poisson of(Backend b, double rate) {
        return new Poisson(Tensor.scalar(b, rate, DType.FLOAT64));
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
        return Constraints.nonNegativeInteger();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Shape s = shape(sampleShape);
        double[] r = rate.detach().broadcastTo(s.dims()).toDoubleArray();
        HostSampler host = new HostSampler(key);
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = host.poisson(r[i]);
        }
        return Tensor.of(rate.backend(), out, rate.dtype(), s);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor k = value.cast(rate.dtype());
        return Elementwise.xlogy(k, rate).sub(rate).sub(k.add(1).lgamma());
    }

    @Override
    public Tensor mean() {
        return rate;
    }

    @Override
    public Tensor variance() {
        return rate;
    }

    @Override
    public Poisson expand(Shape newBatchShape) {
        return new Poisson(expandParam(rate, checkExpand(newBatchShape)));
    }
}
