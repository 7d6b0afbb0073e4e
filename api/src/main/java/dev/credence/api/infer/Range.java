package dev.credence.api.infer;

import java.util.Locale;

/**
 * The interval a numeric {@link Option} must lie in; each end is open or closed and may be
 * infinite.
 *
 * <pre>{@code
 * Range.closed(1, 64)        // [1, 64]
 * Range.open(0, 1)           // (0, 1): adapt-delta
 * Range.atLeast(0)           // [0, inf)
 * Range.greaterThan(0)       // (0, inf): a learning rate
 * }</pre>
 *
 * @param min the lower end, or negative infinity
 * @param minOpen whether {@code min} itself is excluded
 * @param max the upper end, or positive infinity
 * @param maxOpen whether {@code max} itself is excluded
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
    /** Every real number. */
    public static final Range ANY =
            new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    /**
     * Checks that the ends are ordered.
     *
     * @param min the lower end
     * @param minOpen whether it is excluded
     * @param max the upper end
     * @param maxOpen whether it is excluded
     */
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("range: need min <= max, found " + min + ", " + max);
        }
    }

    /**
     * Returns {@code [min, max]}.
     *
     * @param min the lower end
     * @param max the upper end
     * @return the range
     */
    public static Range closed(double min, double max) {
        return new Range(min, false, max, false);
    }

    /**
     * Returns {@code (min, max)}.
     *
     * @param min the lower end
     * @param max the upper end
     * @return the range
     */
    public static Range open(double min, double max) {
        return new Range(min, true, max, true);
    }

    /**
     * Returns {@code [min, inf)}.
     *
     * @param min the lower end
     * @return the range
     */
    public static Range atLeast(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, true);
    }

    /**
     * Returns {@code (min, inf)}.
     *
     * @param min the lower end
     * @return the range
     */
    public static Range greaterThan(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * Tells whether a value lies in the range (NaN never does).
     *
     * @param v the value
     * @return true if it lies in the range
     */
    public boolean contains(double v) {
        boolean aboveMin = minOpen ? v > min : v >= min;
        boolean belowMax = maxOpen ? v < max : v <= max;
        return aboveMin && belowMax;
    }

    @Override
    public String toString() {
        return (minOpen ? "(" : "[") + end(min) + ", " + end(max) + (maxOpen ? ")" : "]");
    }

    private static String end(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
