package dev.credence.api.backend;

import java.util.Arrays;

/**
 * The typed attributes of a {@link Primitive}: what a kernel needs besides its input buffers and
 * the result's shape and dtype. Each primitive names the one record type it takes ({@link
 * Primitive#attributeType()}), so a backend reads its attributes with a cast that cannot fail:
 *
 * <pre>{@code
 * case SUM -> {
 *     Attributes.Reduce r = (Attributes.Reduce) attributes;
 *     yield Reductions.sum(x, r.axes(), r.keepDims());
 * }
 * }</pre>
 *
 * <p>Records are values: two equal records describe the same operation, and {@code toString} spells
 * every field, so a recorded program's signature compares attributes by value. Records with arrays
 * copy them on the way in and out. The API validates attributes before a backend sees them (axes
 * are normalised and in range, permutations are permutations, ranges lie inside the shape).
 */
public sealed interface Attributes {

    /** The attributes of primitives that take none. */
    None NONE = new None();

    /** No attributes: elementwise functions, {@code where}, reshape, broadcast, cast, one-hot. */
    record None() implements Attributes {
        @Override
        public String toString() {
            return "";
        }
    }

    /**
     * A reduction ({@link Primitive#SUM}, {@link Primitive#MAX}).
     *
     * @param axes distinct axes in increasing order, possibly empty (the result then equals the
     *     input)
     * @param keepDims whether reduced axes stay as size 1
     */
    record Reduce(int[] axes, boolean keepDims) implements Attributes {
        /**
         * Copies the axes.
         *
         * @param axes the axes
         * @param keepDims whether reduced axes stay
         */
        public Reduce {
            axes = axes.clone();
        }

        /** {@return the axes (a copy)} */
        @Override
        public int[] axes() {
            return axes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reduce r && r.keepDims == keepDims && Arrays.equals(r.axes, axes);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(axes) + Boolean.hashCode(keepDims);
        }

        @Override
        public String toString() {
            return "axes=" + Arrays.toString(axes) + (keepDims ? " keepDims" : "");
        }
    }

    /**
     * A permutation of axes ({@link Primitive#PERMUTE}): result axis {@code i} is input axis {@code
     * order[i]}.
     *
     * @param order a permutation of {@code 0..rank-1}
     */
    record Permutation(int[] order) implements Attributes {
        /**
         * Copies the order.
         *
         * @param order the permutation
         */
        public Permutation {
            order = order.clone();
        }

        /** {@return the order (a copy)} */
        @Override
        public int[] order() {
            return order.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Permutation p && Arrays.equals(p.order, order);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(order);
        }

        @Override
        public String toString() {
            return "order=" + Arrays.toString(order);
        }
    }

    /**
     * A block {@code [begin[i], end[i])} along every axis ({@link Primitive#SLICE}).
     *
     * @param begin start indices, one per axis
     * @param end end indices (exclusive), one per axis
     */
    record Range(int[] begin, int[] end) implements Attributes {
        /**
         * Copies the bounds.
         *
         * @param begin start indices
         * @param end end indices
         */
        public Range {
            begin = begin.clone();
            end = end.clone();
        }

        /** {@return the start indices (a copy)} */
        @Override
        public int[] begin() {
            return begin.clone();
        }

        /** {@return the end indices (a copy)} */
        @Override
        public int[] end() {
            return end.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Range r
                    && Arrays.equals(r.begin, begin)
                    && Arrays.equals(r.end, end);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(begin) + Arrays.hashCode(end);
        }

        @Override
        public String toString() {
            return "begin=" + Arrays.toString(begin) + " end=" + Arrays.toString(end);
        }
    }

    /**
     * One axis ({@link Primitive#CONCAT}, {@link Primitive#GATHER}, {@link Primitive#SCATTER_ADD}).
     *
     * @param axis a valid, non-negative axis
     */
    record Axis(int axis) implements Attributes {
        @Override
        public String toString() {
            return "axis=" + axis;
        }
    }

    /**
     * A cumulative sum or product along one axis ({@link Primitive#CUMSUM}, {@link
     * Primitive#CUMPROD}).
     *
     * @param axis a valid, non-negative axis
     * @param exclusive whether entry {@code k} combines the entries before {@code k} only (the
     *     first entry is then the identity, 0 or 1)
     * @param reverse whether to run from the last entry to the first
     */
    record Scan(int axis, boolean exclusive, boolean reverse) implements Attributes {
        @Override
        public String toString() {
            return "axis=" + axis + (exclusive ? " exclusive" : "") + (reverse ? " reverse" : "");
        }
    }

    /**
     * The decay of an exponential moving average ({@link Primitive#EMA}).
     *
     * @param decay the weight {@code d} of the old average, in {@code [0, 1)}
     * @param squared whether the new value enters squared (a second moment)
     */
    record Decay(double decay, boolean squared) implements Attributes {
        /**
         * Checks the decay.
         *
         * @param decay the old average's weight
         * @param squared whether the new value is squared
         */
        public Decay {
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("ema: decay must be in [0, 1), found " + decay);
            }
        }

        @Override
        public String toString() {
            return "decay=" + decay + (squared ? " squared" : "");
        }
    }

    /**
     * Which operands of a {@link Primitive#MATMUL} are read transposed: the product is {@code op(a)
     * op(b)} where {@code op} swaps the last two axes when the flag is set. A backend must read a
     * transposed operand in place (strides, BLAS flags, views), not copy it first.
     *
     * @param transposeA whether {@code a} has shape {@code [..., k, m]} and is read as its
     *     transpose
     * @param transposeB whether {@code b} has shape {@code [..., n, k]} and is read as its
     *     transpose
     */
    record MatMul(boolean transposeA, boolean transposeB) implements Attributes {
        /** The plain product {@code a b}. */
        public static final MatMul PLAIN = new MatMul(false, false);

        @Override
        public String toString() {
            return (transposeA ? "aT" : "a") + (transposeB ? " bT" : " b");
        }
    }

    /**
     * A triangular solve ({@link Primitive#TRIANGULAR_SOLVE}): {@code op(t) x = b} where {@code t}
     * is triangular and {@code op} is the identity or the transpose.
     *
     * @param lower whether {@code t} is lower triangular (the strictly upper part is then never
     *     read) or upper triangular (the strictly lower part is never read)
     * @param transpose whether to solve with the transpose of {@code t}
     */
    record Triangular(boolean lower, boolean transpose) implements Attributes {
        @Override
        public String toString() {
            return (lower ? "lower" : "upper") + (transpose ? " transposed" : "");
        }
    }

    /**
     * A two-dimensional convolution ({@link Primitive#CONV2D}): the stride, zero padding and
     * dilation along the height and width axes. The window's size is the weight's.
     *
     * @param strideH the step between output rows, at least 1
     * @param strideW the step between output columns, at least 1
     * @param padH zero rows added above and below, at least 0
     * @param padW zero columns added left and right, at least 0
     * @param dilationH the step between kernel rows, at least 1
     * @param dilationW the step between kernel columns, at least 1
     */
    record Conv2d(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW)
            implements Attributes {
        /**
         * Checks the values.
         *
         * @param strideH the row stride
         * @param strideW the column stride
         * @param padH the row padding
         * @param padW the column padding
         * @param dilationH the row dilation
         * @param dilationW the column dilation
         */
        public Conv2d {
            if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
                throw new IllegalArgumentException(
                        "conv2d: strides and dilations must be >= 1, found stride ("
                                + strideH
                                + ", "
                                + strideW
                                + ") dilation ("
                                + dilationH
                                + ", "
                                + dilationW
                                + ")");
            }
            if (padH < 0 || padW < 0) {
                throw new IllegalArgumentException(
                        "conv2d: padding must be >= 0, found (" + padH + ", " + padW + ")");
            }
        }

        /** Stride 1, no padding, no dilation: the plain "valid" cross-correlation. */
        public static final Conv2d VALID = new Conv2d(1, 1, 0, 0, 1, 1);

        @Override
        public String toString() {
            return "stride=("
                    + strideH
                    + ", "
                    + strideW
                    + ") pad=("
                    + padH
                    + ", "
                    + padW
                    + ") dilation=("
                    + dilationH
                    + ", "
                    + dilationW
                    + ")";
        }
    }

    /**
     * A pooling window ({@link Primitive#MAX_POOL2D}, {@link Primitive#AVG_POOL2D}): its size,
     * stride and padding along the height and width axes.
     *
     * @param kernelH the window's height, at least 1
     * @param kernelW the window's width, at least 1
     * @param strideH the step between output rows, at least 1
     * @param strideW the step between output columns, at least 1
     * @param padH rows added above and below, in {@code [0, kernelH / 2]}
     * @param padW columns added left and right, in {@code [0, kernelW / 2]}
     */
    record Pool2d(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW)
            implements Attributes {
        /**
         * Checks the values; padding of at most half a window keeps a real cell in every window.
         *
         * @param kernelH the window height
         * @param kernelW the window width
         * @param strideH the row stride
         * @param strideW the column stride
         * @param padH the row padding
         * @param padW the column padding
         */
        public Pool2d {
            if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1) {
                throw new IllegalArgumentException(
                        "pool2d: window and stride must be >= 1, found window ("
                                + kernelH
                                + ", "
                                + kernelW
                                + ") stride ("
                                + strideH
                                + ", "
                                + strideW
                                + ")");
            }
            if (padH < 0 || padW < 0 || 2 * padH > kernelH || 2 * padW > kernelW) {
                throw new IllegalArgumentException(
                        "pool2d: padding must be in [0, window / 2], found ("
                                + padH
                                + ", "
                                + padW
                                + ") for window ("
                                + kernelH
                                + ", "
                                + kernelW
                                + ")");
            }
        }

        /**
         * Square windows that tile the image: size and stride {@code k}, no padding.
         *
         * @param k the window size and stride
         * @return the attributes
         */
        public static Pool2d tiles(int k) {
            return new Pool2d(k, k, k, k, 0, 0);
        }

        @Override
        public String toString() {
            return "window=("
                    + kernelH
                    + ", "
                    + kernelW
                    + ") stride=("
                    + strideH
                    + ", "
                    + strideW
                    + ") pad=("
                    + padH
                    + ", "
                    + padW
                    + ")";
        }
    }
}
