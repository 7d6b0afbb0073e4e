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
}
