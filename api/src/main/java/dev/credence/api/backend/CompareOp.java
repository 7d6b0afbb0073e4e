package dev.credence.api.backend;

/**
 * Elementwise comparisons with broadcasting; the result is BOOL. Any comparison with NaN is false.
 */
public enum CompareOp {
    /** {@code a < b}. */
    LT,
    /** {@code a <= b}. */
    LE,
    /** {@code a == b}. */
    EQ
}
