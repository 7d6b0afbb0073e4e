package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;

/**
 * The optimizer primitives ({@link Primitive.Family#UPDATE}): the moving averages and the
 * root-mean-square step with which Adam and RMSprop update a parameter. Composed, Adam's update of
 * one parameter is twelve elementwise passes, each reading and writing the whole parameter; a
 * backend that supplies these primitives does it in three, which on a large weight is most of the
 * optimizer's time. On other backends the same formulas are composed from the arithmetic
 * primitives, in the same order of rounding: the pure-Java and ND4J backends give the composition's
 * numbers bit for bit, libtorch's arithmetic differs from them in the last bit of a few elements.
 *
 * <pre>{@code
 * Tensor m1 = Updates.ema(m, g, 0.9, false);            // 0.9 m + 0.1 g
 * Tensor v1 = Updates.ema(v, g, 0.999, true);           // 0.999 v + 0.001 g^2
 * Tensor p1 = Updates.rmsStep(p, m1, v1, eps, rate);    // p - m1 / (sqrt(v1) + eps) * rate
 * }</pre>
 *
 * Both differentiate like their compositions (their rules are in the table of vector-Jacobian
 * products), though an optimizer calls them with gradients off.
 */
public final class Updates {
    private Updates() {}

    /**
     * One step of an exponential moving average: {@code avg * decay + x * (1 - decay)}, or of
     * {@code x * x} when {@code squared} ({@link Primitive#EMA}).
     *
     * @param avg the average so far
     * @param x the new value, of {@code avg}'s shape, dtype and backend
     * @param decay the old average's weight, in {@code [0, 1)}
     * @param squared whether {@code x} enters squared
     * @return the new average
     */
    public static Tensor ema(Tensor avg, Tensor x, double decay, boolean squared) {
        Attributes.Decay attrs = new Attributes.Decay(decay, squared);
        same(avg, x, "ema");
        if (!avg.backend().supports(Primitive.EMA)) {
            Tensor fresh = squared ? x.square() : x;
            return avg.mul(decay).add(fresh.mul(1 - decay));
        }
        return Tensor.apply(Primitive.EMA, attrs, avg.shape(), avg.dtype(), avg, x);
    }

    /**
     * The root-mean-square step {@code p - (u / (sqrt(s) + eps)) * rate} ({@link
     * Primitive#RMS_STEP}).
     *
     * @param p the parameter
     * @param u the direction (Adam's first moment, RMSprop's gradient), of {@code p}'s shape
     * @param s the mean square (the second moment), of {@code p}'s shape
     * @param eps a scalar guard added to the root
     * @param rate a scalar step size
     * @return the stepped parameter
     */
    public static Tensor rmsStep(Tensor p, Tensor u, Tensor s, Tensor eps, Tensor rate) {
        same(p, u, "rmsStep");
        same(p, s, "rmsStep");
        scalar(p, eps, "eps");
        scalar(p, rate, "rate");
        if (!p.backend().supports(Primitive.RMS_STEP)) {
            return p.sub(u.div(s.sqrt().add(eps)).mul(rate));
        }
        return Tensor.apply(
                Primitive.RMS_STEP, Attributes.NONE, p.shape(), p.dtype(), p, u, s, eps, rate);
    }

    private static void same(Tensor a, Tensor b, String name) {
        if (!a.dtype().isFloating()) {
            throw new IllegalArgumentException(
                    name + ": needs a floating tensor, found " + a.dtype());
        }
        Checks.sameBackend(a, b, name);
        Checks.sameDType(a, b, name);
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(
                    name
                            + ": operands must have one shape, found "
                            + a.shape()
                            + " and "
                            + b.shape());
        }
    }

    private static void scalar(Tensor p, Tensor x, String what) {
        Checks.sameBackend(p, x, "rmsStep");
        Checks.sameDType(p, x, "rmsStep");
        if (x.shape().rank() != 0) {
            throw new IllegalArgumentException(
                    "rmsStep: " + what + " must be a scalar (shape []), found " + x.shape());
        }
    }
}
