package dev.credence.api.tensor;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import java.util.List;

/**
 * The fluent operations of {@link Tensor} ({@code x.add(y)}, {@code x.exp()}, {@code x.sum()},
 * {@code x.matmul(w)}, ...), each a one-line delegate to the focused class that owns it and its
 * checks: {@link Elementwise}, {@link Reductions}, {@link Shaping}, {@link Indexing}, {@link
 * LinearAlgebra}. Primitives appear here, and composites only when they are everyday; the others
 * are called on their classes. The only subclass is {@code Tensor}: this class keeps the catalogue
 * of shortcuts out of the value type's file.
 */
public abstract sealed class TensorOperations permits Tensor {

    TensorOperations() {}

    /** The tensor these operations apply to. */
    abstract Tensor self();

    /** {@return {@code -x}, elementwise} */
    public Tensor neg() {
        return Elementwise.unary(Primitive.NEG, self());
    }

    /** {@return {@code e^x}, elementwise} */
    public Tensor exp() {
        return Elementwise.unary(Primitive.EXP, self());
    }

    /** {@return the natural logarithm, elementwise} */
    public Tensor log() {
        return Elementwise.unary(Primitive.LOG, self());
    }

    /** {@return {@code log(1 + x)}, accurate for small x, elementwise} */
    public Tensor log1p() {
        return Elementwise.unary(Primitive.LOG1P, self());
    }

    /** {@return {@code e^x - 1}, accurate for small x, elementwise} */
    public Tensor expm1() {
        return Elementwise.unary(Primitive.EXPM1, self());
    }

    /** {@return the square root, elementwise} */
    public Tensor sqrt() {
        return Elementwise.unary(Primitive.SQRT, self());
    }

    /** {@return the absolute value, elementwise} */
    public Tensor abs() {
        return Elementwise.unary(Primitive.ABS, self());
    }

    /** {@return the sign (-1, 0 or 1), elementwise} */
    public Tensor sign() {
        return Elementwise.unary(Primitive.SIGN, self());
    }

    /** {@return the sine, elementwise} */
    public Tensor sin() {
        return Elementwise.unary(Primitive.SIN, self());
    }

    /** {@return the cosine, elementwise} */
    public Tensor cos() {
        return Elementwise.unary(Primitive.COS, self());
    }

    /** {@return the hyperbolic tangent, elementwise} */
    public Tensor tanh() {
        return Elementwise.unary(Primitive.TANH, self());
    }

    /** {@return the logistic sigmoid {@code 1 / (1 + e^-x)}, elementwise} */
    public Tensor sigmoid() {
        return Elementwise.unary(Primitive.SIGMOID, self());
    }

    /** {@return {@code log |Gamma(x)|}, elementwise} */
    public Tensor lgamma() {
        return Elementwise.unary(Primitive.LGAMMA, self());
    }

    /** {@return the digamma function, elementwise} */
    public Tensor digamma() {
        return Elementwise.unary(Primitive.DIGAMMA, self());
    }

    /** {@return the trigamma function, elementwise} */
    public Tensor trigamma() {
        return Elementwise.unary(Primitive.TRIGAMMA, self());
    }

    /** {@return the error function, elementwise} */
    public Tensor erf() {
        return Elementwise.unary(Primitive.ERF, self());
    }

    /**
     * {@return {@code this + o}, broadcasting}
     *
     * @param o the other operand
     */
    public Tensor add(Tensor o) {
        return Elementwise.binary(Primitive.ADD, self(), o);
    }

    /**
     * {@return {@code this + v}}
     *
     * @param v the constant
     */
    public Tensor add(double v) {
        return Elementwise.binary(Primitive.ADD, self(), self().scalarLike(v));
    }

    /**
     * {@return {@code this - o}, broadcasting}
     *
     * @param o the other operand
     */
    public Tensor sub(Tensor o) {
        return Elementwise.binary(Primitive.SUB, self(), o);
    }

    /**
     * {@return {@code this - v}}
     *
     * @param v the constant
     */
    public Tensor sub(double v) {
        return Elementwise.binary(Primitive.SUB, self(), self().scalarLike(v));
    }

    /**
     * {@return {@code this * o}, broadcasting}
     *
     * @param o the other operand
     */
    public Tensor mul(Tensor o) {
        return Elementwise.binary(Primitive.MUL, self(), o);
    }

    /**
     * {@return {@code this * v}}
     *
     * @param v the constant
     */
    public Tensor mul(double v) {
        return Elementwise.binary(Primitive.MUL, self(), self().scalarLike(v));
    }

    /**
     * {@return {@code this / o}, broadcasting}
     *
     * @param o the other operand
     */
    public Tensor div(Tensor o) {
        return Elementwise.binary(Primitive.DIV, self(), o);
    }

    /**
     * {@return {@code this / v}}
     *
     * @param v the constant
     */
    public Tensor div(double v) {
        return Elementwise.binary(Primitive.DIV, self(), self().scalarLike(v));
    }

    /**
     * {@return {@code this ^ o}, broadcasting}
     *
     * @param o the exponent
     */
    public Tensor pow(Tensor o) {
        return Elementwise.binary(Primitive.POW, self(), o);
    }

    /**
     * {@return {@code this ^ v}}
     *
     * @param v the exponent
     */
    public Tensor pow(double v) {
        return Elementwise.binary(Primitive.POW, self(), self().scalarLike(v));
    }

    /**
     * {@return the elementwise maximum, broadcasting}
     *
     * @param o the other operand
     */
    public Tensor maximum(Tensor o) {
        return Elementwise.binary(Primitive.MAXIMUM, self(), o);
    }

    /**
     * {@return the elementwise minimum, broadcasting}
     *
     * @param o the other operand
     */
    public Tensor minimum(Tensor o) {
        return Elementwise.binary(Primitive.MINIMUM, self(), o);
    }

    /**
     * {@return {@code this < o} as a BOOL tensor}
     *
     * @param o the other operand
     */
    public Tensor lt(Tensor o) {
        return Elementwise.binary(Primitive.LT, self(), o);
    }

    /**
     * {@return {@code this < v} as a BOOL tensor}
     *
     * @param v the constant
     */
    public Tensor lt(double v) {
        return Elementwise.binary(Primitive.LT, self(), self().scalarLike(v));
    }

    /**
     * {@return {@code this <= o} as a BOOL tensor}
     *
     * @param o the other operand
     */
    public Tensor le(Tensor o) {
        return Elementwise.binary(Primitive.LE, self(), o);
    }

    /**
     * {@return {@code this > o} as a BOOL tensor}
     *
     * @param o the other operand
     */
    public Tensor gt(Tensor o) {
        return Elementwise.binary(Primitive.LT, o, self());
    }

    /**
     * {@return {@code this > v} as a BOOL tensor}
     *
     * @param v the constant
     */
    public Tensor gt(double v) {
        return Elementwise.binary(Primitive.LT, self().scalarLike(v), self());
    }

    /**
     * {@return {@code this >= o} as a BOOL tensor}
     *
     * @param o the other operand
     */
    public Tensor ge(Tensor o) {
        return Elementwise.binary(Primitive.LE, o, self());
    }

    /**
     * {@return {@code this == o} as a BOOL tensor}
     *
     * @param o the other operand
     */
    public Tensor eq(Tensor o) {
        return Elementwise.binary(Primitive.EQ, self(), o);
    }

    /**
     * {@return {@code this == v} as a BOOL tensor}
     *
     * @param v the constant
     */
    public Tensor eq(double v) {
        return Elementwise.binary(Primitive.EQ, self(), self().scalarLike(v));
    }

    /**
     * {@return {@code a} where {@code cond} is true, else {@code b}, broadcasting}
     *
     * @param cond a BOOL tensor
     * @param a values where true
     * @param b values where false
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Elementwise.where(cond, a, b);
    }

    /**
     * {@return this tensor converted to another dtype (itself if it matches)}
     *
     * @param to the target dtype
     */
    public Tensor cast(DType to) {
        return Elementwise.cast(self(), to);
    }

    /** {@return {@code x * x}} */
    public Tensor square() {
        return mul(self());
    }

    /** {@return softplus {@code log(1 + e^x)}, stable for large |x|} */
    public Tensor softplus() {
        return Elementwise.softplus(self());
    }

    /** {@return {@code max(x, 0)}, with gradient 0 at 0} */
    public Tensor relu() {
        return Elementwise.relu(self());
    }

    /** {@return {@code log(sigmoid(x))}, computed stably} */
    public Tensor logSigmoid() {
        return Elementwise.logSigmoid(self());
    }

    /** {@return where values are finite, as a BOOL tensor} */
    public Tensor isFinite() {
        return Elementwise.isFinite(self());
    }

    /** {@return the sum of all elements, a scalar} */
    public Tensor sum() {
        return Reductions.sum(self(), false);
    }

    /**
     * {@return sums over axes, dropping them}
     *
     * @param axes the axes (all when none are given)
     */
    public Tensor sum(int... axes) {
        return Reductions.sum(self(), false, axes);
    }

    /**
     * {@return sums over axes}
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     */
    public Tensor sum(boolean keepDims, int... axes) {
        return Reductions.sum(self(), keepDims, axes);
    }

    /**
     * {@return maxima over axes; ties share the gradient equally}
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     */
    public Tensor max(boolean keepDims, int... axes) {
        return Reductions.max(self(), keepDims, axes);
    }

    /** {@return the mean of all elements, a scalar} */
    public Tensor mean() {
        return Reductions.mean(self(), false);
    }

    /**
     * {@return means over axes}
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     */
    public Tensor mean(boolean keepDims, int... axes) {
        return Reductions.mean(self(), keepDims, axes);
    }

    /**
     * {@return {@code log(sum(exp(x)))} over axes, computed stably}
     *
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the axes (all when none are given)
     */
    public Tensor logSumExp(boolean keepDims, int... axes) {
        return Reductions.logSumExp(self(), keepDims, axes);
    }

    /**
     * {@return the elements in a new shape of equal size; one size may be -1}
     *
     * @param dims the new shape
     */
    public Tensor reshape(int... dims) {
        return Shaping.reshape(self(), dims);
    }

    /**
     * {@return the axes reordered: result axis {@code i} is axis {@code perm[i]}}
     *
     * @param perm a permutation of the axes
     */
    public Tensor permute(int... perm) {
        return Shaping.permute(self(), perm);
    }

    /** {@return the transpose of each trailing matrix (the last two axes swapped)} */
    public Tensor transpose() {
        return Shaping.transpose(self());
    }

    /**
     * {@return this tensor broadcast to a larger shape}
     *
     * @param dims the target shape
     */
    public Tensor broadcastTo(int... dims) {
        return Shaping.broadcastTo(self(), dims);
    }

    /**
     * {@return this tensor with an axis of size 1 inserted}
     *
     * @param axis where the new axis goes, in {@code [-rank-1, rank]}
     */
    public Tensor unsqueeze(int axis) {
        return Shaping.unsqueeze(self(), axis);
    }

    /**
     * {@return this tensor with an axis of size 1 removed}
     *
     * @param axis the axis
     */
    public Tensor squeeze(int axis) {
        return Shaping.squeeze(self(), axis);
    }

    /**
     * {@return the block {@code [begin[i], end[i])} along every axis}
     *
     * @param begin start indices
     * @param end end indices, exclusive
     */
    public Tensor slice(int[] begin, int[] end) {
        return Indexing.slice(self(), begin, end);
    }

    /**
     * {@return the range {@code [start, end)} along one axis}
     *
     * @param axis the axis
     * @param start first index
     * @param end end index, exclusive
     */
    public Tensor narrow(int axis, int start, int end) {
        return Indexing.narrow(self(), axis, start, end);
    }

    /**
     * {@return index {@code i} along the first axis, that axis dropped}
     *
     * @param i the index
     */
    public Tensor get(int i) {
        return Indexing.narrow(self(), 0, i, i + 1).squeeze(0);
    }

    /**
     * {@return slices along an axis selected by INT32 indices}
     *
     * @param axis the axis
     * @param indices INT32 indices of any shape, each in {@code [0, dim(axis))}
     */
    public Tensor gather(int axis, Tensor indices) {
        return Indexing.gather(self(), axis, indices);
    }

    /**
     * {@return the tensors joined along an existing axis}
     *
     * @param ts the tensors, same dtype, same sizes except along {@code axis}
     * @param axis the axis
     */
    public static Tensor concat(List<Tensor> ts, int axis) {
        return Indexing.concat(ts, axis);
    }

    /**
     * {@return the matrix product, as NumPy's {@code matmul}}
     *
     * @param o the right operand
     */
    public Tensor matmul(Tensor o) {
        return LinearAlgebra.matmul(self(), o);
    }
}
