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
 * The continuous Bernoulli distribution on [0, 1] (Loaiza-Ganem and Cunningham, "The continuous
 * Bernoulli: fixing a pervasive error in variational autoencoders", NeurIPS 2019): the density
 * {@code p(x) = C(l) sigmoid(l)^x (1 - sigmoid(l))^(1 - x)}, properly normalised, for grey-level
 * pixels.
 *
 * <p>In terms of the logit {@code l} the normaliser is {@code C(l) = l / tanh(l / 2)} (equation 7
 * of the paper, rewritten), so {@code log p(x) = log C(l) + x l - softplus(l)}. Near {@code l = 0}
 * ({@code p = 1/2}) the closed forms of {@code log C}, the mean and the variance cancel
 * catastrophically; there they are replaced by their Taylor series, selected with a double {@code
 * where} so gradients stay finite. Reparameterised by inverting the CDF, {@code x = log1p(u
 * expm1(l)) / l}.
 */
public final class ContinuousBernoulli extends Distribution {
    private static final double SERIES_BELOW = 0.02;
    private static final double VARIANCE_SERIES_BELOW = 0.1;
    private static final double SAMPLE_SERIES_BELOW = 1e-8;

    private final Tensor logits;
    private final Tensor probs;
    private final boolean fromLogits;

    private ContinuousBernoulli(Tensor param, boolean fromLogits) {
        super(broadcastParams("ContinuousBernoulli", param), Shape.scalar());
        this.fromLogits = fromLogits;
        if (fromLogits) {
            checkParam("logits", param, Constraints.real());
            this.logits = param;
            this.probs = param.sigmoid();
        } else {
            checkParam("probs", param, Constraints.unitInterval());
            this.probs = param;
            this.logits = param.log().sub(param.neg().log1p());
        }
    }

    /**
     * Creates a batch from logits.
     *
     * @param logits the logits of the shape parameter
     * @return the distribution
     */
    public static ContinuousBernoulli withLogits(Tensor logits) {
        return new ContinuousBernoulli(logits, true);
    }

    /**
     * Creates a batch from shape parameters in (0, 1).
     *
     * @param probs the shape parameters
     * @return the distribution
     */
    public static ContinuousBernoulli withProbs(Tensor probs) {
        return new ContinuousBernoulli(probs, false);
    }

    /**
     * Creates a FLOAT64 scalar from a shape parameter.
     *
     * @param b the backend
     * @param probs the shape parameter in (0, 1)
     * @return the distribution
     */
    public static ContinuousBernoulli of(Backend b, double probs) {
        return withProbs(Tensor.scalar(b, probs, DType.FLOAT64));
    }

    /**
     * Returns the logits.
     *
     * @return the logits
     */
    public Tensor logits() {
        return logits;
    }

    /**
     * Returns the shape parameters.
     *
     * @return {@code sigmoid(logits)}
     */
    public Tensor probs() {
        return probs;
    }

    @Override
    public Constraint support() {
        return Constraints.unitInterval();
    }

    private static Tensor small(Tensor l, double below) {
        return l.abs().lt(below);
    }

    private static Tensor safe(Tensor l, Tensor small) {
        return Tensor.where(small, l.onesLike(), l);
    }

    /**
     * Returns {@code log C(l)}, the log normaliser.
     *
     * @return a tensor of the batch shape
     */
    public Tensor logNormalizer() {
        Tensor near = small(logits, SERIES_BELOW);
        Tensor l = safe(logits, near);
        Tensor exact = l.abs().log().sub(l.mul(0.5).tanh().abs().log());
        Tensor u2 = logits.mul(0.5).square();
        Tensor series =
                u2.mul(62.0 / 2835).sub(7.0 / 90).mul(u2).add(1.0 / 3).mul(u2).add(Math.log(2));
        return Tensor.where(near, series, exact);
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor u = openUniform(key, logits, shape(sampleShape));
        Tensor near = small(logits, SAMPLE_SERIES_BELOW);
        Tensor l = safe(logits, near);
        // Below 1 the CDF inverse is accurate as written; above, a rearranged form avoids overflow.
        Tensor low = l.minimum(l.onesLike());
        Tensor high = l.maximum(l.onesLike());
        Tensor invLow = u.mul(low.expm1()).log1p().div(low);
        Tensor invHigh = u.add(u.neg().add(1).mul(high.neg().exp())).log().div(high).add(1);
        Tensor exact = Tensor.where(l.lt(1), invLow, invHigh);
        Tensor series = u.add(logits.mul(u).mul(u.neg().add(1)).mul(0.5));
        return Tensor.where(near, series, exact);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        return logNormalizer().add(value.mul(logits)).sub(logits.softplus());
    }

    @Override
    public Tensor mean() {
        Tensor near = small(logits, SERIES_BELOW);
        Tensor l = safe(logits, near);
        Tensor exact = Elementwise.reciprocal(l.neg().expm1()).neg().sub(Elementwise.reciprocal(l));
        Tensor l2 = logits.square();
        Tensor series = l2.div(30240).sub(1.0 / 720).mul(l2).add(1.0 / 12).mul(logits).add(0.5);
        return Tensor.where(near, series, exact);
    }

    @Override
    public Tensor variance() {
        Tensor near = small(logits, VARIANCE_SERIES_BELOW);
        Tensor l = safe(logits, near);
        Tensor sinh = l.mul(0.5).exp().sub(l.mul(-0.5).exp()).mul(0.5);
        Tensor exact =
                Elementwise.reciprocal(l.square())
                        .sub(Elementwise.reciprocal(sinh.square().mul(4)));
        Tensor l2 = logits.square();
        Tensor series =
                l2.div(-172800).add(1.0 / 6048).mul(l2).sub(1.0 / 240).mul(l2).add(1.0 / 12);
        return Tensor.where(near, series, exact);
    }

    @Override
    public Tensor entropy() {
        return logNormalizer().add(mean().mul(logits)).sub(logits.softplus()).neg();
    }

    @Override
    public ContinuousBernoulli expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new ContinuousBernoulli(expandParam(fromLogits ? logits : probs, s), fromLogits);
    }
}
