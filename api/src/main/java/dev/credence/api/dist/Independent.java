package dev.credence.api.dist;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * Reinterprets the rightmost {@code n} batch axes of a distribution as event axes: the draws are
 * the same, but {@link #logProb} sums over those axes, so a batch of {@code d} independent normals
 * becomes one distribution over {@code d}-vectors (a diagonal multivariate normal).
 */
public final class Independent extends Distribution {
    private final Distribution base;
    private final int reinterpreted;

    /**
     * Wraps a distribution.
     *
     * @param base the distribution
     * @param reinterpreted how many rightmost batch axes become event axes, at most its batch rank
     */
    public Independent(Distribution base, int reinterpreted) {
        super(split(base, reinterpreted, true), split(base, reinterpreted, false));
        this.base = base;
        this.reinterpreted = reinterpreted;
    }

    private static Shape split(Distribution base, int n, boolean batch) {
        int[] b = base.batchShape().dims();
        if (n < 0 || n > b.length) {
            throw new IllegalArgumentException(
                    "Independent: can reinterpret 0 to "
                            + b.length
                            + " batch axes of "
                            + base
                            + ", asked for "
                            + n);
        }
        if (batch) {
            return Shape.of(Arrays.copyOf(b, b.length - n));
        }
        return Shape.concat(
                Shape.of(Arrays.copyOfRange(b, b.length - n, b.length)), base.eventShape());
    }

    /**
     * Returns the wrapped distribution.
     *
     * @return the base
     */
    public Distribution base() {
        return base;
    }

    /**
     * Returns how many batch axes were reinterpreted.
     *
     * @return n
     */
    public int reinterpreted() {
        return reinterpreted;
    }

    @Override
    public Constraint support() {
        return Constraints.independent(base.support(), reinterpreted);
    }

    @Override
    public boolean hasRsample() {
        return base.hasRsample();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        return base.sample(key, sampleShape);
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        return base.rsample(key, sampleShape);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        return Reductions.sumRightmost(base.logProb(value), reinterpreted);
    }

    @Override
    public Tensor mean() {
        return base.mean();
    }

    @Override
    public Tensor variance() {
        return base.variance();
    }

    @Override
    public Tensor entropy() {
        return Reductions.sumRightmost(base.entropy(), reinterpreted);
    }

    @Override
    public Independent expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        int[] b = base.batchShape().dims();
        int[] moved = Arrays.copyOfRange(b, b.length - reinterpreted, b.length);
        return new Independent(base.expand(Shape.concat(s, Shape.of(moved))), reinterpreted);
    }

    @Override
    public String family() {
        return "Independent(" + base.family() + ", " + reinterpreted + ")";
    }
}
