package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;

/**
 * Reductions over axes and scans along an axis: the SUM, MAX, CUMSUM and CUMPROD primitives with
 * their checks, and the composites built from them (mean, min, log-sum-exp, softmax, sums over
 * trailing axes).
 *
 * <pre>{@code
 * Tensor s = Reductions.logSumExp(x, false, -1);           // also x.logSumExp(false, -1)
 * Tensor p = Reductions.softmax(logits, -1);
 * Tensor c = Reductions.cumsum(x, -1, true, false);        // exclusive prefix sums
 * }</pre>
 *
 * <p>An empty list of axes means every axis. Sums of FLOAT32 accumulate in double on every backend;
 * cumulative sums and products may accumulate in the tensor's own dtype.
 */
public final class Reductions {
    private Reductions() {}

    private static Tensor reduce(Primitive op, Tensor x, boolean keepDims, int[] axes) {
        String name = op.opName();
        Checks.floating(x, name);
        int[] ax = x.shape().normalizeAxes(axes, name);
        return Tensor.apply(
                op,
                new Attributes.Reduce(ax, keepDims),
                x.shape().reduce(ax, keepDims),
                x.dtype(),
                x);
    }

    /**
     * Sums over axes.
     *
     * @param x a floating tensor
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     * @return the sums
     */
    public static Tensor sum(Tensor x, boolean keepDims, int... axes) {
        return reduce(Primitive.SUM, x, keepDims, axes);
    }

    /**
     * Takes the maximum over axes; ties share the gradient equally.
     *
     * @param x a floating tensor
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     * @return the maxima
     */
    public static Tensor max(Tensor x, boolean keepDims, int... axes) {
        return reduce(Primitive.MAX, x, keepDims, axes);
    }

    /**
     * Takes the minimum over axes, as {@code -max(-x)}.
     *
     * @param x a floating tensor
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     * @return the minima
     */
    public static Tensor min(Tensor x, boolean keepDims, int... axes) {
        return max(x.neg(), keepDims, axes).neg();
    }

    /**
     * Averages over axes.
     *
     * @param x a floating tensor
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     * @return the means
     */
    public static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        int[] ax = x.shape().normalizeAxes(axes, "mean");
        long n = 1;
        for (int a : ax) {
            n *= x.shape().dim(a);
        }
        return sum(x, keepDims, ax).div((double) n);
    }

    /**
     * {@code log(sum(exp(x)))} over axes, computed stably by shifting with the maximum.
     *
     * @param x a floating tensor
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     * @return the result
     */
    public static Tensor logSumExp(Tensor x, boolean keepDims, int... axes) {
        int[] ax = x.shape().normalizeAxes(axes, "logSumExp");
        Tensor m = max(x.detach(), true, ax);
        // An all -inf (or +inf) slice would give inf - inf; shift by 0 there instead.
        m = Elementwise.where(Elementwise.isFinite(m), m, m.zerosLike());
        Tensor r = sum(x.sub(m).exp(), true, ax).log().add(m);
        if (!keepDims) {
            r = r.reshape(x.shape().reduce(ax, false).dims());
        }
        return r;
    }

    /**
     * Log-softmax along an axis: {@code x - logSumExp(x)}.
     *
     * @param x a floating tensor
     * @param axis the axis
     * @return log-probabilities along {@code axis}
     */
    public static Tensor logSoftmax(Tensor x, int axis) {
        return x.sub(logSumExp(x, true, axis));
    }

    /**
     * Softmax along an axis.
     *
     * @param x a floating tensor
     * @param axis the axis
     * @return probabilities summing to 1 along {@code axis}
     */
    public static Tensor softmax(Tensor x, int axis) {
        return logSoftmax(x, axis).exp();
    }

    /**
     * Sums the rightmost {@code n} axes (the event axes of a distribution, say).
     *
     * @param x a floating tensor
     * @param n how many trailing axes to sum; 0 returns {@code x}
     * @return the sums
     */
    public static Tensor sumRightmost(Tensor x, int n) {
        return n <= 0 ? x : sum(x, false, trailing(x.rank(), n));
    }

    /**
     * Tells, for each index of the leading axes, whether all elements of the trailing {@code n}
     * axes are true.
     *
     * @param a a BOOL tensor
     * @param n the number of trailing axes to reduce; 0 returns {@code a}
     * @return a BOOL tensor of rank {@code a.rank() - n}
     */
    public static Tensor allRightmost(Tensor a, int n) {
        if (n <= 0) {
            return a;
        }
        return min(Elementwise.cast(a, DType.FLOAT32), false, trailing(a.rank(), n)).gt(0.5);
    }

    private static int[] trailing(int rank, int n) {
        int[] axes = new int[n];
        for (int i = 0; i < n; i++) {
            axes[i] = rank - n + i;
        }
        return axes;
    }

    private static Tensor scan(
            Primitive op, Tensor x, int axis, boolean exclusive, boolean reverse) {
        String name = op.opName();
        Checks.floating(x, name);
        int ax = x.shape().normalizeAxis(axis, name);
        return Tensor.apply(
                op, new Attributes.Scan(ax, exclusive, reverse), x.shape(), x.dtype(), x);
    }

    /**
     * Inclusive cumulative sums along an axis: entry {@code k} is {@code x[0] + ... + x[k]}.
     *
     * @param x a floating tensor
     * @param axis the axis
     * @return the sums, shaped like {@code x}
     */
    public static Tensor cumsum(Tensor x, int axis) {
        return scan(Primitive.CUMSUM, x, axis, false, false);
    }

    /**
     * Cumulative sums along an axis, in either direction, inclusive or exclusive. Reverse exclusive
     * sums of the last axis, for example, give {@code x[k+1] + ... + x[n-1]}.
     *
     * @param x a floating tensor
     * @param axis the axis
     * @param exclusive whether entry {@code k} leaves out {@code x[k]} (the first entry is 0)
     * @param reverse whether to sum from the last entry toward the first
     * @return the sums, shaped like {@code x}
     */
    public static Tensor cumsum(Tensor x, int axis, boolean exclusive, boolean reverse) {
        return scan(Primitive.CUMSUM, x, axis, exclusive, reverse);
    }

    /**
     * Inclusive cumulative products along an axis: entry {@code k} is {@code x[0] ... x[k]}.
     *
     * @param x a floating tensor
     * @param axis the axis
     * @return the products, shaped like {@code x}
     */
    public static Tensor cumprod(Tensor x, int axis) {
        return scan(Primitive.CUMPROD, x, axis, false, false);
    }

    /**
     * Cumulative products along an axis, in either direction, inclusive or exclusive. The gradient
     * is exact where elements are zero.
     *
     * @param x a floating tensor
     * @param axis the axis
     * @param exclusive whether entry {@code k} leaves out {@code x[k]} (the first entry is 1)
     * @param reverse whether to multiply from the last entry toward the first
     * @return the products, shaped like {@code x}
     */
    public static Tensor cumprod(Tensor x, int axis, boolean exclusive, boolean reverse) {
        return scan(Primitive.CUMPROD, x, axis, exclusive, reverse);
    }
}
