package dev.credence.api.dist;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.dist.bijector.ComposeBijector;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A base distribution pushed through bijectors: {@code Y = f(X)}, {@code X ~ base}, with {@code log
 * p(y) = log p_base(f^-1(y)) - log|det J_f(f^-1(y))|}.
 *
 * <p>If the bijectors need larger events than the base has (a vector map on a batch of scalars),
 * the base's rightmost batch axes become event axes, as with {@link Independent}. If the base's
 * events are larger than the bijectors', the log-determinant is summed over the extra axes. The
 * event shape is the trailing part of {@code f}'s output shape, of rank {@code codomainEventDim(f)
 * + max(0, baseEventRank - domainEventDim(f))}.
 *
 * <p><b>Draws remember their preimage.</b> The distribution keeps its last draw {@code y} with the
 * base value {@code x} it came from, and {@link #logProb} of that very tensor (compared by
 * identity) uses {@code x} instead of inverting the bijectors. The log-density of a variational
 * guide's own draw, which every ELBO needs, then costs no inversion, which matters for flows whose
 * inverse is expensive (an inverse autoregressive flow needs one network pass per coordinate). As
 * in Pyro's transform cache, a value that was not the last draw is inverted as usual. The
 * remembered pair is one immutable object, so a distribution shared between threads stays correct.
 *
 * <p>This class is not final: a named family defined as a transform (for example a user's
 * log-logistic) may extend it and gain its own KL rules.
 */
public class TransformedDistribution extends Distribution {
    private final Distribution base;
    private final ComposeBijector transform;
    private final int extraEventDims;
    private volatile Draw last;

    /** A draw and the base value it was made from. */
    private record Draw(Tensor y, Tensor x) {}

    /**
     * Creates the distribution of {@code f(X)}.
     *
     * @param base the distribution of X
     * @param bijectors the maps, applied first to last
     */
    public TransformedDistribution(Distribution base, List<Bijector> bijectors) {
        this(prepare(base, new ComposeBijector(bijectors)), new ComposeBijector(bijectors));
    }

    /**
     * Creates the distribution of {@code f(X)} for one bijector.
     *
     * @param base the distribution of X
     * @param bijector the map
     */
    public TransformedDistribution(Distribution base, Bijector bijector) {
        this(base, List.of(bijector));
    }

    private TransformedDistribution(Distribution base, ComposeBijector f) {
        super(shapes(base, f)[0], shapes(base, f)[1]);
        this.base = base;
        this.transform = f;
        this.extraEventDims = eventShape().rank() - f.codomainEventDim();
    }

    private static Distribution prepare(Distribution base, Bijector f) {
        int be = base.eventShape().rank();
        int need = f.domainEventDim();
        if (be >= need) {
            return base;
        }
        if (base.batchShape().rank() < need - be) {
            throw new IllegalArgumentException(
                    "TransformedDistribution: the bijectors act on events of "
                            + need
                            + " axes but "
                            + base
                            + " has only "
                            + (base.batchShape().rank() + be));
        }
        return new Independent(base, need - be);
    }

    private static Shape[] shapes(Distribution base, Bijector f) {
        Shape out = f.forwardShape(Shape.concat(base.batchShape(), base.eventShape()));
        int eventRank =
                f.codomainEventDim() + Math.max(0, base.eventShape().rank() - f.domainEventDim());
        int[] d = out.dims();
        return new Shape[] {
            Shape.of(Arrays.copyOf(d, d.length - eventRank)),
            Shape.of(Arrays.copyOfRange(d, d.length - eventRank, d.length))
        };
    }

    /**
     * Returns the base distribution (wrapped in {@link Independent} if the bijectors needed it).
     *
     * @return the base
     */
    public Distribution base() {
        return base;
    }

    /**
     * Returns the composed map.
     *
     * @return the bijector
     */
    public Bijector transform() {
        return transform;
    }

    @Override
    public Constraint support() {
        return Constraints.independent(transform.codomain(), extraEventDims);
    }

    @Override
    public boolean hasRsample() {
        return base.hasRsample();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        return remember(base.sample(key, sampleShape));
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        return remember(base.rsample(key, sampleShape));
    }

    private Tensor remember(Tensor x) {
        Tensor y = transform.forward(x);
        last = new Draw(y, x);
        return y;
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Draw d = last;
        Tensor x =
                d != null && d.y() == value && !d.x().isReleased()
                        ? d.x()
                        : transform.inverse(value);
        Tensor logDet =
                Reductions.sumRightmost(transform.logAbsDetJacobian(x, value), extraEventDims);
        return base.logProb(x).sub(logDet);
    }

    @Override
    public TransformedDistribution expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        Shape baseFull = transform.inverseShape(Shape.concat(s, eventShape()));
        int[] d = baseFull.dims();
        int baseEvent = base.eventShape().rank();
        Distribution b = base.expand(Shape.of(Arrays.copyOf(d, d.length - baseEvent)));
        return new TransformedDistribution(b, transform);
    }
}
