package dev.credence.api.backend;

/**
 * Elementwise binary primitives with NumPy broadcasting. Both operands share one dtype, which the
 * result keeps. ADD, SUB, MUL, MAX and MIN are also defined for INT32.
 */
public enum BinaryOp {
    /** {@code a + b}. */
    ADD,
    /** {@code a - b}. */
    SUB,
    /** {@code a * b}. */
    MUL,
    /** {@code a / b}. */
    DIV,
    /** {@code a ^ b}, as {@link Math#pow}. */
    POW,
    /** The larger of the two; NaN if either is NaN. */
    MAX,
    /** The smaller of the two; NaN if either is NaN. */
    MIN
}
