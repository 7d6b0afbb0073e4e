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
 * The beta distribution on [0, 1]: {@code log p(x) = (a - 1) log x + (b - 1) log1p(-x) - log B(a,
 * b)} with {@code a = concentration1}, {@code b = concentration0}. Draws are {@code X / (X + Y)}
 * for independent gammas {@code X ~ Gamma(a, 1)}, {@code Y ~ Gamma(b, 1)}, computed as {@code
 * sigmoid(log X - log Y)}. {@link #rsample} carries gradients to both concentrations through the
 * implicit reparameterisation of the two gammas (Figurnov et al. 2018, section 3.2: a beta is a
 * ratio of gammas; see {@link ImplicitGamma}).
 */
public final class Beta extends Distribution {
    private final Tensor concentration1;
    private final Tensor concentration0;

    /**
     * Creates a batch of beta distributions.
     *
     * @param concentration1 the first shapes (a, the weight of 1), positive
     * @param concentration0 the second shapes (b, the weight of 0), positive
     */
    public Beta(Tensor concentration1, Tensor concentration0) {
        super(broadcastParams("Beta", concentration1, concentration0), Shape.scalar());
        this.concentration1 = expandParam(concentration1, batchShape());
        this.concentration0 = expandParam(concentration0, batchShape());
        checkParam("concentration1", this.concentration1, Constraints.positive());
        checkParam("concentration0", this.concentration0, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar beta distribution.
     *
     * @param b the backend
     * @param concentration1 the first shape
     * @param concentration0 the second shape
     * @return the distribution
     */
    public static Beta of(Backend b, double concentration1, double concentration0) {
        return new Beta(
                Tensor.scalar(b, concentration1, DType.FLOAT64),
                Tensor.scalar(b, concentration0, DType.FLOAT64));
    }

    /**
     * Returns the first shapes.
     *
     * @return {@code concentration1}
     */
    public Tensor concentration1() {
        return concentration1;
    }

    /**
     * Returns the second shapes.
     *
     * @return {@code concentration0}
     */
    public Tensor concentration0() {
        return concentration0;
    }

    @Override
    public Constraint support() {
        return Constraints.unitInterval();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor[] logs =
                ImplicitGamma.logStandardGammas(
                        key, shape(sampleShape), concentration1, concentration0);
        return logs[0].sub(logs[1]).sigmoid();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Shape s = shape(sampleShape);
        double[] a = concentration1.detach().broadcastTo(s.dims()).toDoubleArray();
        double[] b = concentration0.detach().broadcastTo(s.dims()).toDoubleArray();
        HostSampler host = new HostSampler(key);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = host.beta(a[i], b[i]);
        }
        return Tensor.of(concentration1.backend(), out, concentration1.dtype(), s);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        return Elementwise.xlogy(concentration1.sub(1), value)
                .add(Elementwise.xlog1py(concentration0.sub(1), value.neg()))
                .sub(Elementwise.lbeta(concentration1, concentration0));
    }

    @Override
    public Tensor mean() {
        return concentration1.div(concentration1.add(concentration0));
    }

    @Override
    public Tensor variance() {
        Tensor total = concentration1.add(concentration0);
        return concentration1.mul(concentration0).div(total.square().mul(total.add(1)));
    }

    @Override
    public Tensor entropy() {
        Tensor a = concentration1;
        Tensor b = concentration0;
        Tensor total = a.add(b);
        return Elementwise.lbeta(a, b)
                .sub(a.sub(1).mul(a.digamma()))
                .sub(b.sub(1).mul(b.digamma()))
                .add(total.sub(2).mul(total.digamma()));
    }

    @Override
    public Beta expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new Beta(expandParam(concentration1, s), expandParam(concentration0, s));
    }
}
