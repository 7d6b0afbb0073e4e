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
 * The Bernoulli distribution on {0, 1}, parameterised by success probabilities or by logits {@code
 * l = log(p / (1 - p))}. With logits, {@code log p(x) = x l - softplus(l)}, exact for any logit;
 * with probabilities, {@code x log p + (1 - x) log1p(-p)} with {@code 0 log 0 = 0}.
 */
public final class Bernoulli extends Distribution {
    private final Tensor probs;
    private final Tensor logits;
    private final boolean fromLogits;

    private Bernoulli(Tensor param, boolean fromLogits) {
        super(broadcastParams("Bernoulli", param), Shape.scalar());
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
     * Creates a batch of Bernoullis from logits.
     *
     * @param logits the log-odds of 1
     * @return the distribution
     */
    public static Bernoulli withLogits(Tensor logits) {
        return new Bernoulli(logits, true);
    }

    /**
     * Creates a batch of Bernoullis from probabilities.
     *
     * @param probs the probabilities of 1, in [0, 1]
     * @return the distribution
     */
    public static Bernoulli withProbs(Tensor probs) {
        return new Bernoulli(probs, false);
    }

    /**
     * Creates a FLOAT64 scalar Bernoulli from a probability.
     *
     * @param b the backend
     * @param p the probability of 1
     * @return the distribution
     */
    public static Bernoulli of(Backend b, double p) {
        return withProbs(Tensor.scalar(b, p, DType.FLOAT64));
    }

    /**
     * Returns the probabilities of 1.
     *
     * @return the probabilities
     */
    public Tensor probs() {
        return probs;
    }

    /**
     * Returns the log-odds of 1.
     *
     * @return the logits
     */
    public Tensor logits() {
        return logits;
    }

    /**
     * Tells which parameterisation was given.
     *
     * @return true if built from logits
     */
    public boolean isLogitParameterised() {
        return fromLogits;
    }

    @Override
    public Constraint support() {
        return Constraints.booleans();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        return key.bernoulli(probs.detach().broadcastTo(shape(sampleShape).dims()));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor x = value.cast(probs.dtype());
        if (fromLogits) {
            return x.mul(logits).sub(logits.softplus());
        }
        return Elementwise.xlogy(x, probs).add(Elementwise.xlog1py(x.neg().add(1), probs.neg()));
    }

    @Override
    public Tensor mean() {
        return probs;
    }

    @Override
    public Tensor variance() {
        return probs.mul(probs.neg().add(1));
    }

    @Override
    public Tensor entropy() {
        if (fromLogits) {
            return logits.softplus().sub(probs.mul(logits));
        }
        Tensor q = probs.neg().add(1);
        return Elementwise.xlogy(probs, probs).add(Elementwise.xlogy(q, q)).neg();
    }

    @Override
    public Bernoulli expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new Bernoulli(expandParam(fromLogits ? logits : probs, s), fromLogits);
    }
}
