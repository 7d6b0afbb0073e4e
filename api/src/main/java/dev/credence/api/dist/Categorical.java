package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The categorical distribution over {@code 0 .. K-1}, parameterised along the last axis by
 * unnormalised logits or by probabilities (normalised here). Values are INT32 indices (floating
 * values with integral entries are accepted and cast). Draws use the Gumbel-max trick.
 */
public final class Categorical extends Distribution {
    private final Tensor logits;
    private final Tensor probs;
    private final boolean fromLogits;
    private final int categories;

    private Categorical(Tensor param, boolean fromLogits) {
        super(batchOf(param), Shape.scalar());
        broadcastParams("Categorical", param);
        this.fromLogits = fromLogits;
        this.categories = param.dim(-1);
        int last = param.rank() - 1;
        if (fromLogits) {
            checkParam("logits", param, Constraints.realVector());
            this.logits = Reductions.logSoftmax(param, last);
            this.probs = this.logits.exp();
        } else {
            checkParam("probs", param, Constraints.independent(Constraints.nonNegative(), 1));
            this.probs = param.div(param.sum(true, last));
            this.logits = this.probs.log();
        }
    }

    private static Shape batchOf(Tensor param) {
        if (param.rank() == 0) {
            throw new IllegalArgumentException(
                    "Categorical: the parameter needs a last axis of categories, found a scalar");
        }
        int[] d = param.shape().dims();
        return Shape.of(Arrays.copyOf(d, d.length - 1));
    }

    /**
     * Creates a batch of categoricals from unnormalised logits.
     *
     * @param logits shape {@code batch + [K]}
     * @return the distribution
     */
    public static Categorical withLogits(Tensor logits) {
        return new Categorical(logits, true);
    }

    /**
     * Creates a batch of categoricals from non-negative weights, normalised along the last axis.
     *
     * @param probs shape {@code batch + [K]}
     * @return the distribution
     */
    public static Categorical withProbs(Tensor probs) {
        return new Categorical(probs, false);
    }

    /**
     * Creates a FLOAT64 categorical from probabilities (normalised here).
     *
     * @param b the backend
     * @param probs non-negative weights of the categories
     * @return the distribution
     */
    public static Categorical of(Backend b, double... probs) {
        return withProbs(Tensor.of(b, probs));
    }

    /**
     * Returns the normalised log-probabilities.
     *
     * @return shape {@code batch + [K]}
     */
    public Tensor logits() {
        return logits;
    }

    /**
     * Returns the probabilities.
     *
     * @return shape {@code batch + [K]}
     */
    public Tensor probs() {
        return probs;
    }

    /**
     * Returns the number of categories.
     *
     * @return K
     */
    public int categories() {
        return categories;
    }

    @Override
    public Constraint support() {
        return Constraints.integerInterval(0, categories - 1);
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        int[] full = Shape.concat(shape(sampleShape), Shape.of(categories)).dims();
        return key.categorical(logits.detach().broadcastTo(full));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor idx = value.cast(DType.INT32);
        Tensor hit = Indexing.oneHot(idx, categories, DType.INT32).eq(1);
        if (fromLogits) {
            return Tensor.where(hit, logits, logits.zerosLike()).sum(false, -1);
        }
        return Tensor.where(hit, probs, probs.zerosLike()).sum(false, -1).log();
    }

    @Override
    public Tensor entropy() {
        int last = probs.rank() - 1;
        return Elementwise.xlogy(probs, probs).sum(false, last).neg();
    }

    @Override
    public Categorical expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        Tensor p = fromLogits ? logits : probs;
        return new Categorical(expandParam(p, s, categories), fromLogits);
    }
}
