package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The inverse-gamma distribution: {@code 1 / Y} for {@code Y ~ Gamma(concentration, rate)}, with
 * {@code log p(x) = alpha log beta - lgamma(alpha) - (alpha + 1) log x - beta / x}. Here {@code
 * rate} is the scale of X. {@link #rsample} is reparameterised: {@code x = rate / g} with the
 * implicit gradient of the gamma draw {@code g} (see {@link Gamma}).
 */
public final class InverseGamma extends Distribution {
    private final Tensor concentration;
    private final Tensor rate;

    /**
     * Creates a batch of inverse-gamma distributions.
     *
     * @param concentration the shapes (alpha), positive
     * @param rate the rates of the underlying gamma (beta, the scale of X), positive
     */
    public InverseGamma(Tensor concentration, Tensor rate) {
        super(broadcastParams("InverseGamma", concentration, rate), Shape.scalar());
        this.concentration = expandParam(concentration, batchShape());
        this.rate = expandParam(rate, batchShape());
        checkParam("concentration", this.concentration, Constraints.positive());
        checkParam("rate", this.rate, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar inverse-gamma distribution.
     *
     * @param b the backend
     * @param concentration the shape
     * @param rate the rate of the underlying gamma
     * @return the distribution
     */
    public static InverseGamma of(Backend b, double concentration, double rate) {
        return new InverseGamma(
                Tensor.scalar(b, concentration, DType.FLOAT64),
                Tensor.scalar(b, rate, DType.FLOAT64));
    }

    /**
     * Returns the shapes.
     *
     * @return {@code concentration}
     */
    public Tensor concentration() {
        return concentration;
    }

    /**
     * Returns the rates of the underlying gamma.
     *
     * @return {@code rate}
     */
    public Tensor rate() {
        return rate;
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
    public Tensor sample(RandomKey key, int... sampleShape) {
        return rate.detach().div(Gamma.standardGamma(key, concentration, shape(sampleShape)));
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor logG = ImplicitGamma.logStandardGammas(key, shape(sampleShape), concentration)[0];
        return rate.mul(logG.neg().exp());
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor a = concentration;
        return a.mul(rate.log())
                .sub(a.lgamma())
                .sub(a.add(1).mul(value.log()))
                .sub(rate.div(value));
    }

    @Override
    public Tensor mean() {
        Tensor a = concentration;
        Tensor safe = Tensor.where(a.gt(1), a, a.add(2));
        Tensor m = rate.div(safe.sub(1));
        return Tensor.where(a.gt(1), m, m.zerosLike().add(Double.POSITIVE_INFINITY));
    }

    @Override
    public Tensor variance() {
        Tensor a = concentration;
        Tensor safe = Tensor.where(a.gt(2), a, a.add(3));
        Tensor v = rate.square().div(safe.sub(1).square().mul(safe.sub(2)));
        return Tensor.where(a.gt(2), v, v.zerosLike().add(Double.POSITIVE_INFINITY));
    }

    @Override
    public Tensor entropy() {
        Tensor a = concentration;
        return a.add(rate.log()).add(a.lgamma()).sub(a.add(1).mul(a.digamma()));
    }

    @Override
    public InverseGamma expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new InverseGamma(expandParam(concentration, s), expandParam(rate, s));
    }
}
