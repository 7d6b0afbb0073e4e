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
 * The binomial distribution: successes in {@code totalCount} independent trials, parameterised by
 * probabilities or logits. {@code log p(k) = log C(n, k) + k l - n softplus(l)} with logits, or
 * {@code log C(n, k) + k log p + (n - k) log1p(-p)} with probabilities. Draws are exact (Knuth's
 * beta recursion, see {@link HostSampler}).
 */
public final class Binomial extends Distribution {
    private final Tensor totalCount;
    private final Tensor probs;
    private final Tensor logits;
    private final boolean fromLogits;

    private Binomial(Tensor totalCount, Tensor param, boolean fromLogits) {
        super(broadcastParams("Binomial", totalCount, param), Shape.scalar());
        this.totalCount = expandParam(totalCount, batchShape());
        Tensor p = expandParam(param, batchShape());
        this.fromLogits = fromLogits;
        checkParam("totalCount", this.totalCount, Constraints.nonNegativeInteger());
        if (fromLogits) {
            checkParam("logits", p, Constraints.real());
            this.logits = p;
            this.probs = p.sigmoid();
        } else {
            checkParam("probs", p, Constraints.unitInterval());
            this.probs = p;
            this.logits = p.log().sub(p.neg().log1p());
        }
    }

    /**
     * Creates a batch of binomials from probabilities.
     *
     * @param totalCount the numbers of trials (floating, integral values)
     * @param probs the success probabilities
     * @return the distribution
     */
    public static Binomial withProbs(Tensor totalCount, Tensor probs) {
        return new Binomial(totalCount, probs, false);
    }

    /**
     * Creates a batch of binomials from logits.
     *
     * @param totalCount the numbers of trials (floating, integral values)
     * @param logits the log-odds of success
     * @return the distribution
     */
    public static Binomial withLogits(Tensor totalCount, Tensor logits) {
        return new Binomial(totalCount, logits, true);
    }

    /**
     * Creates a FLOAT64 scalar binomial.
     *
     * @param b the backend
     * @param totalCount the number of trials
     * @param probs the success probability
     * @return the distribution
     */
    public static Binomial of(Backend b, int totalCount, double probs) {
        return withProbs(
                Tensor.scalar(b, totalCount, DType.FLOAT64),
                Tensor.scalar(b, probs, DType.FLOAT64));
    }

    /**
     * Returns the numbers of trials.
     *
     * @return {@code totalCount}
     */
    public Tensor totalCount() {
        return totalCount;
    }

    /**
     * Returns the success probabilities.
     *
     * @return the probabilities
     */
    public Tensor probs() {
        return probs;
    }

    /**
     * Returns the log-odds of success.
     *
     * @return the logits
     */
    public Tensor logits() {
        return logits;
    }

    @Override
    public Constraint support() {
        return Constraints.integerInterval(totalCount);
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Shape s = shape(sampleShape);
        double[] n = totalCount.detach().broadcastTo(s.dims()).toDoubleArray();
        double[] p = probs.detach().broadcastTo(s.dims()).toDoubleArray();
        HostSampler host = new HostSampler(key);
        double[] out = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            out[i] = host.binomial(n[i], p[i]);
        }
        return Tensor.of(probs.backend(), out, probs.dtype(), s);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor k = value.cast(probs.dtype());
        Tensor n = totalCount;
        Tensor logChoose = n.add(1).lgamma().sub(k.add(1).lgamma()).sub(n.sub(k).add(1).lgamma());
        if (fromLogits) {
            return logChoose.add(k.mul(logits)).sub(n.mul(logits.softplus()));
        }
        return logChoose
                .add(Elementwise.xlogy(k, probs))
                .add(Elementwise.xlog1py(n.sub(k), probs.neg()));
    }

    @Override
    public Tensor mean() {
        return totalCount.mul(probs);
    }

    @Override
    public Tensor variance() {
        return totalCount.mul(probs).mul(probs.neg().add(1));
    }

    @Override
    public Binomial expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        Tensor p = fromLogits ? logits : probs;
        return new Binomial(expandParam(totalCount, s), expandParam(p, s), fromLogits);
    }
}
