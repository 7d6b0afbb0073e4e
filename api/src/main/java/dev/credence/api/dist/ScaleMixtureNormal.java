package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * A scale mixture of two zero-mean normals, {@code pi N(0, sigma1^2) + (1 - pi) N(0, sigma2^2)}:
 * the prior of Bayes by Backprop (Blundell et al., "Weight uncertainty in neural networks", ICML
 * 2015, equation 7), with a wide component and a narrow one concentrating weights near zero. The
 * log-density is a {@code logSumExp} of the two weighted component log-densities. Draws carry no
 * gradient (the component choice is discrete).
 */
public final class ScaleMixtureNormal extends Distribution {
    private final Tensor pi;
    private final Tensor sigma1;
    private final Tensor sigma2;

    /**
     * Creates a batch of scale mixtures.
     *
     * @param pi the weights of the first component, in [0, 1]
     * @param sigma1 the scales of the first component, positive
     * @param sigma2 the scales of the second component, positive
     */
    public ScaleMixtureNormal(Tensor pi, Tensor sigma1, Tensor sigma2) {
        super(broadcastParams("ScaleMixtureNormal", pi, sigma1, sigma2), Shape.scalar());
        this.pi = expandParam(pi, batchShape());
        this.sigma1 = expandParam(sigma1, batchShape());
        this.sigma2 = expandParam(sigma2, batchShape());
        checkParam("pi", this.pi, Constraints.unitInterval());
        checkParam("sigma1", this.sigma1, Constraints.positive());
        checkParam("sigma2", this.sigma2, Constraints.positive());
    }

    /**
     * Creates a scalar mixture with constant parameters.
     *
     * @param b the backend
     * @param dtype the dtype of the parameters (that of the weights it will score)
     * @param pi the weight of the first component
     * @param sigma1 the scale of the first component
     * @param sigma2 the scale of the second component
     * @return the distribution
     */
    public static ScaleMixtureNormal of(
            Backend b, DType dtype, double pi, double sigma1, double sigma2) {
        return new ScaleMixtureNormal(
                Tensor.scalar(b, pi, dtype),
                Tensor.scalar(b, sigma1, dtype),
                Tensor.scalar(b, sigma2, dtype));
    }

    /**
     * Returns the weights of the first component.
     *
     * @return {@code pi}
     */
    public Tensor pi() {
        return pi;
    }

    /**
     * Returns the scales of the first component.
     *
     * @return {@code sigma1}
     */
    public Tensor sigma1() {
        return sigma1;
    }

    /**
     * Returns the scales of the second component.
     *
     * @return {@code sigma2}
     */
    public Tensor sigma2() {
        return sigma2;
    }

    @Override
    public Constraint support() {
        return Constraints.real();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Shape s = shape(sampleShape);
        RandomKey[] ks = key.split(2);
        Tensor first = ks[0].bernoulli(pi.detach().broadcastTo(s.dims())).eq(1);
        Tensor sigma = Tensor.where(first, sigma1.detach(), sigma2.detach());
        return standardNormal(ks[1], pi, s).mul(sigma);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor z1 = value.div(sigma1).square().mul(-0.5).sub(sigma1.log()).add(pi.log());
        Tensor z2 = value.div(sigma2).square().mul(-0.5).sub(sigma2.log()).add(pi.neg().log1p());
        Shape out = Shape.broadcast(z1.shape(), z2.shape(), "ScaleMixtureNormal.logProb");
        Tensor both =
                Indexing.stack(List.of(z1.broadcastTo(out.dims()), z2.broadcastTo(out.dims())), -1);
        return both.logSumExp(false, -1).sub(Normal.HALF_LOG_2PI);
    }

    @Override
    public Tensor mean() {
        return pi.zerosLike();
    }

    @Override
    public Tensor variance() {
        return pi.mul(sigma1.square()).add(pi.neg().add(1).mul(sigma2.square()));
    }

    @Override
    public ScaleMixtureNormal expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new ScaleMixtureNormal(
                expandParam(pi, s), expandParam(sigma1, s), expandParam(sigma2, s));
    }
}
