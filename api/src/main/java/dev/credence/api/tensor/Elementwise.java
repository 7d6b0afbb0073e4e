package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Elementwise operations: the unary, binary and comparison primitives with their checks, {@code
 * where} and {@code cast}, and the elementwise composites and special functions built from them
 * (softplus, log-sigmoid, {@code x log y}, the log-beta function, ...). Composites differentiate
 * through the primitives' rules and need none of their own.
 *
 * <p>Where a branch of {@link #where} could produce an infinity (such as {@code log 0}), the
 * argument of that branch is first replaced by a harmless value under the same condition (the
 * "double where" idiom): otherwise the unselected branch's zero cotangent would meet the infinite
 * local derivative and give NaN gradients.
 *
 * <pre>{@code
 * Tensor y = Elementwise.softplus(x);              // also x.softplus()
 * Tensor e = Elementwise.xlogy(p, q);              // p log q, 0 where p == 0
 * Tensor z = Elementwise.unary(Primitive.ERF, x);  // any unary primitive by name
 * }</pre>
 */
public final class Elementwise {
    private Elementwise() {}

    /** Above this, softplus(x) equals x to within e^-20 relative. */
    private static final double SOFTPLUS_LINEAR = 20.0;

    /**
     * Applies a unary primitive ({@link Primitive.Family#UNARY}).
     *
     * @param op the primitive
     * @param x a floating tensor (or INT32 for NEG and ABS)
     * @return a tensor of {@code x}'s shape and dtype
     */
    public static Tensor unary(Primitive op, Tensor x) {
        if (op.family() != Primitive.Family.UNARY) {
            throw new IllegalArgumentException(op + " is not a unary elementwise primitive");
        }
        boolean intOk = op == Primitive.NEG || op == Primitive.ABS;
        if (!(x.dtype().isFloating() || (intOk && x.dtype() == DType.INT32))) {
            throw new IllegalArgumentException(
                    op.opName()
                            + ": needs a floating tensor"
                            + (intOk ? " or INT32" : "")
                            + ", found "
                            + x.dtype());
        }
        if (op.optional() && !x.backend().supports(op)) {
            return composed(op, x);
        }
        return Tensor.apply(op, Attributes.NONE, x.shape(), x.dtype(), x);
    }

    /**
     * Applies a binary or comparison primitive ({@link Primitive.Family#BINARY}, {@link
     * Primitive.Family#COMPARE}) with NumPy broadcasting.
     *
     * @param op the primitive
     * @param a the left operand
     * @param b the right operand, same dtype and backend
     * @return the result; BOOL for comparisons
     */
    public static Tensor binary(Primitive op, Tensor a, Tensor b) {
        boolean compare = op.family() == Primitive.Family.COMPARE;
        if (!compare && op.family() != Primitive.Family.BINARY) {
            throw new IllegalArgumentException(op + " is not a binary elementwise primitive");
        }
        String name = op.opName();
        Checks.sameBackend(a, b, name);
        Checks.sameDType(a, b, name);
        DType dt = a.dtype();
        if (dt == DType.BOOL) {
            throw new IllegalArgumentException(
                    name + ": not defined for BOOL; cast to INT32 or a floating dtype first");
        }
        if (dt == DType.INT32 && (op == Primitive.DIV || op == Primitive.POW)) {
            throw new IllegalArgumentException(
                    name + ": not defined for INT32; cast to a floating dtype first");
        }
        Shape out = Shape.broadcast(a.shape(), b.shape(), name);
        return Tensor.apply(op, Attributes.NONE, out, compare ? DType.BOOL : dt, a, b);
    }

    /**
     * Selects elementwise: {@code a} where {@code cond} is true, else {@code b}, with broadcasting.
     *
     * @param cond a BOOL tensor
     * @param a values where true
     * @param b values where false, same dtype as {@code a}
     * @return the selection
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException(
                    "where: the condition must be BOOL, found " + cond.dtype());
        }
        Checks.sameDType(a, b, "where");
        Shape out =
                Shape.broadcast(
                        Shape.broadcast(cond.shape(), a.shape(), "where"), b.shape(), "where");
        return Tensor.apply(Primitive.WHERE, Attributes.NONE, out, a.dtype(), cond, a, b);
    }

    /**
     * Converts to another dtype; gradients flow between floating dtypes.
     *
     * @param x the tensor
     * @param to the target dtype
     * @return the converted tensor ({@code x} itself if the dtype already matches)
     */
    public static Tensor cast(Tensor x, DType to) {
        if (to == x.dtype()) {
            return x;
        }
        return Tensor.apply(Primitive.CAST, Attributes.NONE, x.shape(), to, x);
    }

    /**
     * Rectified linear unit ({@link Primitive#RELU}); its gradient at 0 is 0 and NaN stays NaN.
     *
     * @param x the input
     * @return {@code max(x, 0)}
     */
    public static Tensor relu(Tensor x) {
        return x.dtype().isFloating() ? unary(Primitive.RELU, x) : composed(Primitive.RELU, x);
    }

    /**
     * Softplus {@code log(1 + e^x)}, stable for large |x|.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor softplus(Tensor x) {
        return unary(Primitive.SOFTPLUS, x);
    }

    /** An optional unary primitive from required ones, for a backend that does not supply it. */
    private static Tensor composed(Primitive op, Tensor x) {
        return switch (op) {
            // x <= 0 is false for NaN, so NaN passes through as x itself
            case RELU -> where(x.le(x.scalarLike(0)), x.zerosLike(), x);
            case SOFTPLUS -> softplusComposed(x);
            default -> throw new IllegalStateException(op + " has no composition");
        };
    }

    /** Softplus from required primitives ({@link #composed}). */
    private static Tensor softplusComposed(Tensor x) {
        // log1p(exp(x)) is exact for all x below the threshold (exp underflows gracefully for
        // very negative x); above it the result is x. Clamping inside keeps the unselected branch
        // finite so that its zero cotangent never meets an infinity.
        // (A select, not a minimum: at x = 20 a minimum would pass on half the gradient.)
        Tensor above = x.gt(SOFTPLUS_LINEAR);
        Tensor capped = where(above, x.scalarLike(SOFTPLUS_LINEAR), x);
        return where(above, x, capped.exp().log1p());
    }

    /**
     * {@code log(sigmoid(x))}, computed stably as {@code -softplus(-x)}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor logSigmoid(Tensor x) {
        return softplus(x.neg()).neg();
    }

    /**
     * Clamps into {@code [lo, hi]}; the gradient is 1 inside and 0 outside.
     *
     * @param x the input
     * @param lo the lower bound
     * @param hi the upper bound, at least {@code lo}
     * @return the clamped tensor
     */
    public static Tensor clamp(Tensor x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: needs lo <= hi, found " + lo + " > " + hi);
        }
        Tensor l = x.scalarLike(lo);
        Tensor h = x.scalarLike(hi);
        return where(x.lt(l), l, where(x.gt(h), h, x));
    }

    /**
     * Reciprocal.
     *
     * @param x the input
     * @return {@code 1 / x}
     */
    public static Tensor reciprocal(Tensor x) {
        return x.scalarLike(1).div(x);
    }

    /**
     * Tells where values are finite (neither NaN nor infinite).
     *
     * @param x the input
     * @return a BOOL tensor
     */
    public static Tensor isFinite(Tensor x) {
        return x.sub(x).eq(0);
    }

    /**
     * Computes {@code x log y} with the convention {@code 0 log y = 0} (also for {@code y = 0}).
     *
     * @param x the multiplier
     * @param y the argument of the logarithm
     * @return the products
     */
    public static Tensor xlogy(Tensor x, Tensor y) {
        Tensor zero = x.eq(0);
        Tensor safeY = where(zero, y.onesLike(), y);
        return where(zero, x.zerosLike(), x.mul(safeY.log()));
    }

    /**
     * Computes {@code x log(1 + y)} with the convention {@code 0 log(1 + y) = 0}.
     *
     * @param x the multiplier
     * @param y the argument
     * @return the products
     */
    public static Tensor xlog1py(Tensor x, Tensor y) {
        Tensor zero = x.eq(0);
        Tensor safeY = where(zero, y.zerosLike(), y);
        return where(zero, x.zerosLike(), x.mul(safeY.log1p()));
    }

    /**
     * The log of the beta function, {@code lgamma(a) + lgamma(b) - lgamma(a + b)}.
     *
     * @param a first argument
     * @param b second argument
     * @return {@code log B(a, b)}
     */
    public static Tensor lbeta(Tensor a, Tensor b) {
        return a.lgamma().add(b.lgamma()).sub(a.add(b).lgamma());
    }

    /**
     * The inverse hyperbolic tangent, {@code (log1p(x) - log1p(-x)) / 2}.
     *
     * @param x values in (-1, 1)
     * @return {@code atanh(x)}
     */
    public static Tensor atanh(Tensor x) {
        return x.log1p().sub(x.neg().log1p()).mul(0.5);
    }

    /**
     * {@code log(1 - tanh(x)^2)}, computed as {@code 2 (log 2 - x - softplus(-2x))} so that it
     * stays finite where {@code tanh(x)} rounds to 1.
     *
     * @param x any values
     * @return the log of the derivative of tanh at x
     */
    public static Tensor logOneMinusTanhSquared(Tensor x) {
        return x.neg().add(Math.log(2)).sub(softplus(x.mul(-2))).mul(2);
    }

    /**
     * Elementwise logical and of two BOOL tensors, with broadcasting.
     *
     * @param a a BOOL tensor
     * @param b a BOOL tensor
     * @return a BOOL tensor
     */
    public static Tensor and(Tensor a, Tensor b) {
        return cast(a, DType.INT32).mul(cast(b, DType.INT32)).eq(1);
    }

    /**
     * Elementwise logical negation of a BOOL tensor.
     *
     * @param a a BOOL tensor
     * @return a BOOL tensor
     */
    public static Tensor not(Tensor a) {
        return cast(a, DType.INT32).eq(0);
    }
}
