package dev.credence.api.backend;

/** Reductions over a set of axes. */
public enum ReduceOp {
    /** The sum; 0 over an empty axis. */
    SUM,
    /** The maximum; NaN propagates; negative infinity over an empty axis. */
    MAX
}
