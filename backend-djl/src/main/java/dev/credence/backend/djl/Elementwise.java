package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Elementwise kernels: unary functions, binary functions and comparisons with PyTorch's own
 * broadcasting, and {@code where}.
 *
 * <p>Where PyTorch and {@link Math} disagree, a few extra native operations restore Java's answer:
 * {@code sign} keeps NaN and signed zeros, and {@code pow} returns NaN for a NaN exponent and for
 * {@code (±1)^±inf}, where C's {@code pow} returns 1. {@code log1p} and {@code expm1} are not in
 * DJL's API; they are composed from {@code log} and {@code exp} with the classic corrections that
 * keep them accurate near zero (Goldberg's for log1p, Kahan's for expm1; see Higham, <i>Accuracy
 * and Stability of Numerical Algorithms</i>, 2nd ed., section 1.14.1). Digamma and trigamma are
 * computed on the host by {@link HostKernels}.
 *
 * <p>Every intermediate array is closed before returning; only the result survives.
 */
final class Elementwise {
    private Elementwise() {}

    static NDArray unary(Primitive op, NDArray x) {
        return switch (op) {
            case NEG -> x.neg();
            case EXP -> x.exp();
            case LOG -> x.log();
            case LOG1P -> log1p(x);
            case EXPM1 -> expm1(x);
            case SQRT -> x.sqrt();
            case ABS -> x.abs();
            case SIGN -> sign(x);
            case SIN -> x.sin();
            case COS -> x.cos();
            case TANH -> x.tanh();
            case SIGMOID -> x.getNDArrayInternal().sigmoid();
            // libtorch's softplus: log1p(exp(x)), and x above its default threshold of 20
            case SOFTPLUS -> x.getNDArrayInternal().softPlus();
            // libtorch's relu (clamp_min at 0): NaN stays NaN, as RELU defines it
            case RELU -> x.getNDArrayInternal().relu();
            case LGAMMA -> x.gammaln();
            case ERF -> x.erf();
            default -> throw new IllegalStateException(op + " is not a native unary kernel");
        };
    }

    /** Java's signum: -1, 0 or 1, but a zero of either sign and NaN are returned as they are. */
    private static NDArray sign(NDArray x) {
        try (NDArray s = x.sign();
                NDArray zero = s.eq(0)) {
            return x.getNDArrayInternal().where(zero, s);
        }
    }

    /** {@code log1p(x) = log(u) * x / (u - 1)} with {@code u = 1 + x}, or x where u rounds to 1. */
    private static NDArray log1p(NDArray x) {
        try (NDArray u = x.add(1);
                NDArray d = u.sub(1);
                NDArray logU = u.log();
                NDArray q = x.div(d);
                NDArray r = logU.mul(q);
                NDArray tiny = d.eq(0);
                NDArray small = x.getNDArrayInternal().where(tiny, r);
                NDArray inf = u.eq(Double.POSITIVE_INFINITY)) {
            // log1p(+inf) = +inf; the formula above would give inf / inf = NaN there.
            return u.getNDArrayInternal().where(inf, small);
        }
    }

    /** {@code expm1(x) = (u - 1) * x / log(u)} with {@code u = e^x}, exact where u is 1 or 0. */
    private static NDArray expm1(NDArray x) {
        try (NDArray u = x.exp();
                NDArray d = u.sub(1);
                NDArray logU = u.log();
                NDArray q = x.div(logU);
                NDArray r = d.mul(q);
                NDArray one = u.eq(1);
                NDArray nearOne = x.getNDArrayInternal().where(one, r);
                NDArray minusOne = d.eq(-1);
                NDArray low = d.getNDArrayInternal().where(minusOne, nearOne);
                NDArray inf = u.isInfinite()) {
            return u.getNDArrayInternal().where(inf, low);
        }
    }

    static NDArray binary(Primitive op, NDArray a, NDArray b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case POW -> pow(a, b);
            case MAXIMUM -> a.maximum(b);
            case MINIMUM -> a.minimum(b);
            default -> throw new IllegalArgumentException(op + " is not a binary primitive");
        };
    }

    /**
     * {@link Math#pow}. C's pow answers 1 for {@code 1^NaN} and {@code (±1)^±inf} where Java
     * answers NaN; those are exactly the places where the result is 1 and the exponent is not
     * finite, and there {@code 1 + (b - b)} is NaN while elsewhere it is 1.
     */
    private static NDArray pow(NDArray a, NDArray b) {
        try (NDArray p = a.pow(b);
                NDArray isOne = p.eq(1);
                NDArray nanIfInfinite = b.sub(b);
                NDArray fixed = p.add(nanIfInfinite)) {
            return fixed.getNDArrayInternal().where(isOne, p);
        }
    }

    static NDArray compare(Primitive op, NDArray a, NDArray b) {
        return switch (op) {
            case LT -> a.lt(b);
            case LE -> a.lte(b);
            case EQ -> a.eq(b);
            default -> throw new IllegalArgumentException(op + " is no comparison");
        };
    }

    /**
     * {@code where} with broadcasting: PyTorch's binding wants condition and {@code a} in shape.
     */
    static NDArray where(NDArray cond, NDArray a, NDArray b, Shape out) {
        var shape = Types.of(out);
        NDArray c = cond.getShape().equals(shape) ? cond : cond.broadcast(shape);
        NDArray x = a.getShape().equals(shape) ? a : a.broadcast(shape);
        try {
            return x.getNDArrayInternal().where(c, b);
        } finally {
            if (c != cond) {
                c.close();
            }
            if (x != a) {
                x.close();
            }
        }
    }
}
