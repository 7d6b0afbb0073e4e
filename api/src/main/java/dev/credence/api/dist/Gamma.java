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
 * The gamma distribution with shape {@code concentration} (alpha) and {@code rate} (beta): {@code
 * log p(x) = alpha log beta + (alpha - 1) log x - beta x - lgamma(alpha)}.
 *
 * <p>Draws use Marsaglia and Tsang (2000) on the host. {@link #rsample} gives them gradients with
 * respect to both parameters: to the concentration by implicit reparameterisation (Figurnov et al.
 * 2018, see {@link ImplicitGamma}), to the rate through {@code x = g / rate}. Its values are those
 * of {@link #sample} with the same key.
 */
public final class Gamma extends Distribution {
    private final Tensor concentration;
    private final Tensor rate;

    /**
     * Creates a batch of gamma distributions.
     *
     * @param concentration the shapes, positive
     * @param rate the rates, positive
     */
    public Gamma(Tensor concentration, Tensor rate) {
        super(broadcastParams("Gamma", concentration, rate), Shape.scalar());
        this.concentration = expandParam(concentration, batchShape());
        this.rate = expandParam(rate, batchShape());
        checkParam("concentration", this.concentration, Constraints.positive());
        checkParam("rate", this.rate, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar gamma distribution.
     *
     * @param b the backend
     * @param concentration the shape
     * @param rate the rate
     * @return the distribution
     */
    public static Gamma of(Backend b, double concentration, double rate) {
        return new Gamma(
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
     * Returns the rates.
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

    /**
     * Draws unit-rate gamma variates of a given shape on the host, without gradients.
     *
     * @param key the key
     * @param alpha the shapes, broadcast to {@code s}
     * @param s the shape of the draw
     * @return the draws, in alpha's dtype and backend
     */
    static Tensor standardGamma(RandomKey key, Tensor alpha, Shape s) {
        double[] a = alpha.detach().broadcastTo(s.dims()).toDoubleArray();
        HostSampler host = new HostSampler(key);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = host.gamma(a[i]);
        }
        return Tensor.of(alpha.backend(), out, alpha.dtype(), s);
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        return standardGamma(key, concentration, shape(sampleShape)).div(rate.detach());
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor logG = ImplicitGamma.logStandardGammas(key, shape(sampleShape), concentration)[0];
        return logG.exp().div(rate);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        return Elementwise.xlogy(concentration.sub(1), value)
                .add(concentration.mul(rate.log()))
                .sub(rate.mul(value))
                .sub(concentration.lgamma());
    }

    @Override
    public Tensor mean() {
        return concentration.div(rate);
    }

    @Override
    public Tensor variance() {
        return concentration.div(rate.square());
    }

    @Override
    public Tensor entropy() {
        Tensor a = concentration;
        return a.sub(rate.log()).add(a.lgamma()).add(a.neg().add(1).mul(a.digamma()));
    }

    @Override
    public Gamma expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new Gamma(expandParam(concentration, s), expandParam(rate, s));
    }
}
