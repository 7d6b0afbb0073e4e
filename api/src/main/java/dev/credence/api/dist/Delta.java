package dev.credence.api.dist;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * A point mass at {@code value}, with log-density {@code logDensity} there and {@code -infinity}
 * elsewhere. Draws are the value itself, so gradients flow to it: a guide made of deltas gives MAP
 * estimation. The rightmost {@code eventDim} axes of the value form one event.
 */
public final class Delta extends Distribution {
    private final Tensor value;
    private final Tensor logDensity;
    private final int eventDim;

    /**
     * Creates a point mass with log-density 0.
     *
     * @param value the location
     * @param eventDim how many trailing axes of {@code value} form one event
     */
    public Delta(Tensor value, int eventDim) {
        this(value, value.scalarLike(0), eventDim);
    }

    /**
     * Creates a point mass with a given log-density (used to carry a Jacobian term).
     *
     * @param value the location
     * @param logDensity the log-density at the location, broadcasting to the batch shape
     * @param eventDim how many trailing axes of {@code value} form one event
     */
    public Delta(Tensor value, Tensor logDensity, int eventDim) {
        super(batchPart(value, eventDim), eventPart(value, eventDim));
        broadcastParams("Delta", value, logDensity.reshape(withTrailingOnes(logDensity, eventDim)));
        if (logDensity.rank() > batchShape().rank()) {
            throw new IllegalArgumentException(
                    "Delta: the log-density must broadcast to the batch shape "
                            + batchShape()
                            + ", found shape "
                            + logDensity.shape());
        }
        this.value = value;
        this.logDensity = logDensity;
        this.eventDim = eventDim;
    }

    /** The log-density's shape with {@code eventDim} axes of size 1 appended, to align it. */
    private static int[] withTrailingOnes(Tensor logDensity, int eventDim) {
        int[] d =
                Arrays.copyOf(logDensity.shape().dims(), logDensity.rank() + Math.max(0, eventDim));
        Arrays.fill(d, logDensity.rank(), d.length, 1);
        return d;
    }

    private static Shape batchPart(Tensor v, int eventDim) {
        if (eventDim < 0 || eventDim > v.rank()) {
            throw new IllegalArgumentException(
                    "Delta: eventDim must be in [0, " + v.rank() + "], found " + eventDim);
        }
        int[] d = v.shape().dims();
        return Shape.of(Arrays.copyOf(d, d.length - eventDim));
    }

    private static Shape eventPart(Tensor v, int eventDim) {
        int[] d = v.shape().dims();
        return Shape.of(Arrays.copyOfRange(d, d.length - eventDim, d.length));
    }

    /**
     * Returns the location.
     *
     * @return the value
     */
    public Tensor value() {
        return value;
    }

    @Override
    public Constraint support() {
        return Constraints.independent(Constraints.real(), eventDim);
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        return value.broadcastTo(shape(sampleShape).dims());
    }

    @Override
    public Tensor logProb(Tensor x) {
        checkValue(x);
        Tensor same = Reductions.allRightmost(x.eq(value), eventDim);
        Tensor lp = logDensity.broadcastTo(batchShape().dims());
        return Tensor.where(same, lp, lp.zerosLike().add(Double.NEGATIVE_INFINITY));
    }

    @Override
    public Tensor mean() {
        return value;
    }

    @Override
    public Tensor variance() {
        return value.zerosLike();
    }

    @Override
    public Delta expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        int[] full = Shape.concat(s, eventShape()).dims();
        return new Delta(value.broadcastTo(full), logDensity.broadcastTo(s.dims()), eventDim);
    }
}
