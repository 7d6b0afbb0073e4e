package dev.credence.api.dist.internal;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Composite tensor operations that the distributions need and {@link Tensor} does not (yet) offer.
 * Each is a composition of public tensor operations, so gradients flow through the existing rules.
 *
 * <p>Where a branch of {@link Tensor#where} could produce an infinity (such as {@code log 0}), the
 * argument of that branch is first replaced by a harmless value under the same condition (the
 * "double where" idiom): otherwise the unselected branch's zero cotangent would meet the infinite
 * local derivative and give NaN gradients.
 */
public final class TensorMath {
    private TensorMath() {}

    /**
     * Creates a tensor of any shape, including rank 0, from host doubles.
     *
     * @param b the backend
     * @param data row-major values
     * @param dtype the element type
     * @param shape the shape
     * @return the tensor
     */
    public static Tensor fromDoubles(Backend b, double[] data, DType dtype, Shape shape) {
        if (shape.rank() == 0) {
            return Tensor.scalar(b, data[0], dtype);
        }
        return Tensor.of(b, data, dtype, shape.dims());
    }

    /**
     * Concatenates dimension lists.
     *
     * @param parts the lists
     * @return their concatenation
     */
    public static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * Concatenates shapes.
     *
     * @param parts the shapes
     * @return the shape with all their dimensions in order
     */
    public static Shape concat(Shape... parts) {
        int[][] d = new int[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            d[i] = parts[i].dims();
        }
        return Shape.of(concat(d));
    }

    /**
     * Sums the rightmost {@code n} axes; {@code n = 0} returns the input.
     *
     * @param x the tensor
     * @param n how many trailing axes to sum
     * @return the sums
     */
    public static Tensor sumRightmost(Tensor x, int n) {
        if (n <= 0) {
            return x;
        }
        int[] axes = new int[n];
        for (int i = 0; i < n; i++) {
            axes[i] = x.rank() - n + i;
        }
        return x.sum(false, axes);
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
        Tensor safeY = Tensor.where(zero, y.onesLike(), y);
        return Tensor.where(zero, x.zerosLike(), x.mul(safeY.log()));
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
        Tensor safeY = Tensor.where(zero, y.zerosLike(), y);
        return Tensor.where(zero, x.zerosLike(), x.mul(safeY.log1p()));
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
        return x.neg().add(Math.log(2)).sub(x.mul(-2).softplus()).mul(2);
    }

    /**
     * Elementwise logical and of two BOOL tensors, with broadcasting.
     *
     * @param a a BOOL tensor
     * @param b a BOOL tensor
     * @return a BOOL tensor
     */
    public static Tensor and(Tensor a, Tensor b) {
        return a.cast(DType.INT32).mul(b.cast(DType.INT32)).eq(1);
    }

    /**
     * Elementwise logical negation of a BOOL tensor.
     *
     * @param a a BOOL tensor
     * @return a BOOL tensor
     */
    public static Tensor not(Tensor a) {
        return a.cast(DType.INT32).eq(0);
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
        int[] axes = new int[n];
        for (int i = 0; i < n; i++) {
            axes[i] = a.rank() - n + i;
        }
        return a.cast(DType.FLOAT32).min(false, axes).gt(0.5);
    }

    /**
     * A square 0/1 band matrix: ones where {@code i - j >= offset} (lower) or {@code j - i >=
     * offset} (upper).
     */
    private static Tensor band(Backend b, DType dtype, int d, int offset, boolean upper) {
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                boolean on = upper ? j - i >= offset : i - j >= offset;
                v[i * d + j] = on ? 1 : 0;
            }
        }
        return Tensor.of(b, v, dtype, d, d);
    }

    /**
     * A lower-triangular 0/1 matrix.
     *
     * @param b the backend
     * @param dtype the element type
     * @param d the size
     * @param strict whether the diagonal is excluded
     * @return the mask, ones at {@code i > j} (strict) or {@code i >= j}
     */
    public static Tensor trilMask(Backend b, DType dtype, int d, boolean strict) {
        return band(b, dtype, d, strict ? 1 : 0, false);
    }

    /**
     * Cumulative sums along the last axis.
     *
     * @param x a tensor of shape {@code [..., n]}
     * @param exclusive whether entry {@code k} sums {@code x[0..k)} rather than {@code x[0..k]}
     * @return the sums, same shape
     */
    public static Tensor cumsum(Tensor x, boolean exclusive) {
        int n = x.dim(-1);
        Tensor upper = band(x.backend(), x.dtype(), n, exclusive ? 1 : 0, true);
        return x.matmul(upper);
    }

    /**
     * Reverse cumulative sums along the last axis.
     *
     * @param x a tensor of shape {@code [..., n]}
     * @param exclusive whether entry {@code k} sums {@code x(k..n)} rather than {@code x[k..n)}
     * @return the sums, same shape
     */
    public static Tensor reverseCumsum(Tensor x, boolean exclusive) {
        int n = x.dim(-1);
        Tensor lower = band(x.backend(), x.dtype(), n, exclusive ? 1 : 0, false);
        return x.matmul(lower);
    }

    /**
     * The diagonal of the trailing square matrices.
     *
     * @param m a tensor of shape {@code [..., d, d]}
     * @return the diagonals, shape {@code [..., d]}
     */
    public static Tensor diagonal(Tensor m) {
        int d = m.dim(-1);
        return m.mul(Tensor.eye(m.backend(), d, m.dtype())).sum(false, m.rank() - 1);
    }

    /**
     * Indices of the lower triangle of a {@code d x d} matrix in row-major order.
     *
     * @param d the size
     * @param strict whether the diagonal is excluded
     * @return flat indices {@code i * d + j}
     */
    public static int[] trilIndices(int d, boolean strict) {
        int n = strict ? d * (d - 1) / 2 : d * (d + 1) / 2;
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < (strict ? i : i + 1); j++) {
                out[k++] = i * d + j;
            }
        }
        return out;
    }

    /**
     * Unpacks vectors into lower-triangular matrices, rows first, zeros elsewhere.
     *
     * @param v a tensor of shape {@code [..., n]}
     * @param d the matrix size; {@code n} must be {@code d(d-1)/2} (strict) or {@code d(d+1)/2}
     * @param strict whether the diagonal is left zero
     * @return matrices of shape {@code [..., d, d]}
     */
    public static Tensor vecToTril(Tensor v, int d, boolean strict) {
        int[] tril = trilIndices(d, strict);
        // Position 0 of the padded vector is a zero; entry k of v sits at position k + 1.
        int[] src = new int[d * d];
        for (int k = 0; k < tril.length; k++) {
            src[tril[k]] = k + 1;
        }
        int[] lead = v.shape().reduce(new int[] {v.rank() - 1}, true).dims();
        Tensor padded = Tensor.concat(List.of(Tensor.zeros(v.backend(), v.dtype(), lead), v), -1);
        Tensor flat = padded.gather(-1, Tensor.ofInts(v.backend(), src, d * d));
        int[] out = v.shape().dims();
        out = concat(java.util.Arrays.copyOf(out, out.length - 1), new int[] {d, d});
        return flat.reshape(out);
    }

    /**
     * Packs the lower triangle of square matrices into vectors, rows first.
     *
     * @param m a tensor of shape {@code [..., d, d]}
     * @param d the matrix size
     * @param strict whether the diagonal is left out
     * @return vectors of shape {@code [..., n]}
     */
    public static Tensor trilToVec(Tensor m, int d, boolean strict) {
        int[] lead = java.util.Arrays.copyOf(m.shape().dims(), m.rank() - 2);
        int[] tril = trilIndices(d, strict);
        Tensor flat = m.reshape(concat(lead, new int[] {d * d}));
        return flat.gather(-1, Tensor.ofInts(m.backend(), tril, tril.length));
    }

    /**
     * Solves {@code L X = B} for lower-triangular {@code L} by forward substitution, with
     * broadcasting over leading axes.
     *
     * @param l lower-triangular matrices {@code [..., d, d]} with non-zero diagonals
     * @param rhs right-hand sides {@code [..., d, m]}
     * @return the solutions {@code [..., d, m]}
     */
    public static Tensor solveLowerTriangular(Tensor l, Tensor rhs) {
        int d = l.dim(-1);
        List<Tensor> rows = new ArrayList<>(d);
        Tensor solved = null;
        for (int i = 0; i < d; i++) {
            Tensor lrow = l.narrow(-2, i, i + 1);
            Tensor bi = rhs.narrow(-2, i, i + 1);
            if (i > 0) {
                bi = bi.sub(lrow.narrow(-1, 0, i).matmul(solved));
            }
            Tensor xi = bi.div(lrow.narrow(-1, i, i + 1));
            rows.add(xi);
            solved = Tensor.concat(rows, -2);
        }
        return solved;
    }

    /**
     * The Cholesky factor of symmetric positive-definite matrices, column by column
     * (Cholesky-Banachiewicz). Not positive-definite input gives NaN entries, not an exception.
     *
     * @param a matrices {@code [..., d, d]}
     * @return lower-triangular {@code L} with {@code L L^T = a}
     */
    public static Tensor cholesky(Tensor a) {
        int d = a.dim(-1);
        List<Tensor> cols = new ArrayList<>(d);
        Tensor rowIndex = Tensor.arange(a.backend(), d, a.dtype()).reshape(d, 1);
        for (int j = 0; j < d; j++) {
            Tensor v = a.narrow(-1, j, j + 1);
            if (j > 0) {
                Tensor prev = Tensor.concat(cols, -1);
                Tensor rowJ = prev.narrow(-2, j, j + 1);
                v = v.sub(prev.matmul(rowJ.transpose()));
            }
            Tensor vjj = v.narrow(-2, j, j + 1);
            Tensor below = rowIndex.ge(rowIndex.scalarLike(j));
            Tensor col = v.div(vjj.sqrt());
            cols.add(Tensor.where(below, col, col.zerosLike()));
        }
        return Tensor.concat(cols, -1);
    }
}
