package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.dist.bijector.Bijectors;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The improper flat prior on a support: log-density 0 everywhere inside it. This is what Stan puts
 * on a parameter that no statement mentions, so a Stan program translates line by line:
 *
 * <pre>{@code
 * // parameters { real alpha; real<lower=0> sigma; ordered[2] mu; }
 * Tensor alpha = ctx.sample("alpha", ImproperUniform.of(b, Constraints.real()));
 * Tensor sigma = ctx.sample("sigma", ImproperUniform.of(b, Constraints.positive()));
 * Tensor mu = ctx.sample("mu", ImproperUniform.of(b, Constraints.ordered(), 2));
 * // real<lower=0, upper=1 - alpha1> beta1;   a bound that depends on another parameter
 * Tensor beta1 = ctx.sample("beta1",
 *         new ImproperUniform(Constraints.interval(alpha1.zerosLike(), alpha1.neg().add(1)), alpha1));
 * }</pre>
 *
 * HMC and NUTS sample such a site on the unconstrained space through {@code bijectTo(support)}, so
 * the density they see is the log-Jacobian of that map plus the rest of the model; the posterior
 * must be proper for the draws to mean anything, as in Stan.
 *
 * <p><b>Shapes.</b> The trailing {@code support.eventDim()} axes of the shape form one event (a
 * whole ordered vector or simplex); the others are batch axes.
 *
 * <p><b>Sampling.</b> There is no distribution to draw from. {@link #sample} returns an <em>initial
 * point</em> instead, chosen as Stan chooses initial values: uniform on {@code (-2, 2)} in each
 * unconstrained coordinate, mapped onto the support. That is what lets a model with flat priors be
 * traced, laid out as a {@link dev.credence.api.model.Potential} and given starting points; it is
 * not a prior draw, so prior predictive checks and simulation-based calibration do not apply to
 * such models. {@link #hasRsample()} is false.
 */
public final class ImproperUniform extends Distribution {
    private final Constraint support;
    private final Tensor like;

    /**
     * Creates a flat prior in the dtype and on the backend of a reference tensor.
     *
     * @param support the support (bounds may be tensors, including functions of other sites)
     * @param like a tensor giving dtype (floating) and backend; its value is not used
     * @param shape the shape of one draw: batch axes, then {@code support.eventDim()} event axes
     */
    public ImproperUniform(Constraint support, Tensor like, int... shape) {
        super(split(support, shape)[0], split(support, shape)[1]);
        if (!like.dtype().isFloating()) {
            throw new IllegalArgumentException(
                    "ImproperUniform: needs a FLOAT32 or FLOAT64 reference tensor, found "
                            + like.dtype());
        }
        if (support.isDiscrete()) {
            throw new IllegalArgumentException(
                    "ImproperUniform: the support "
                            + support.describe()
                            + " is discrete; a flat prior here needs a continuous support");
        }
        this.support = support;
        this.like = like.detach();
    }

    /**
     * Creates a FLOAT64 flat prior.
     *
     * @param b the backend
     * @param support the support
     * @param shape the shape of one draw (empty for a scalar)
     * @return the distribution
     */
    public static ImproperUniform of(Backend b, Constraint support, int... shape) {
        return new ImproperUniform(support, Tensor.scalar(b, 0, DType.FLOAT64), shape);
    }

    private static Shape[] split(Constraint support, int[] shape) {
        int e = support.eventDim();
        if (shape.length < e) {
            throw new IllegalArgumentException(
                    "ImproperUniform: the support "
                            + support.describe()
                            + " has "
                            + e
                            + " event axes, so the shape needs at least "
                            + e
                            + " axes, found "
                            + Arrays.toString(shape));
        }
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(
                        "ImproperUniform: shape entries must be >= 1, found "
                                + Arrays.toString(shape));
            }
        }
        return new Shape[] {
            Shape.of(Arrays.copyOf(shape, shape.length - e)),
            Shape.of(Arrays.copyOfRange(shape, shape.length - e, shape.length))
        };
    }

    @Override
    public Constraint support() {
        return support;
    }

    /**
     * Returns an initial point, not a draw (see the class comment).
     *
     * @param key the random key
     * @param sampleShape the sample shape
     * @return a point of the support of shape {@link #shape(int...)}
     */
    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Bijector b = Bijectors.bijectTo(support);
        Shape unconstrained = b.inverseShape(shape(sampleShape));
        Tensor u = key.uniform(like.backend(), like.dtype(), unconstrained.dims()).mul(4).sub(2);
        return b.forward(u).detach();
    }

    /**
     * Returns 0 for each event inside the support.
     *
     * @param value a tensor of shape {@code [...] + batchShape + eventShape}
     * @return zeros of shape {@code [...] + batchShape}
     */
    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        int[] vd = value.shape().dims();
        int[] lead = Arrays.copyOf(vd, vd.length - eventShape().rank());
        Shape out = Shape.broadcast(Shape.of(lead), batchShape(), "ImproperUniform.logProb");
        return Tensor.zeros(like.backend(), like.dtype(), out.dims());
    }

    @Override
    public ImproperUniform expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new ImproperUniform(support, like, Shape.concat(s, eventShape()).dims());
    }
}
