package dev.credence.api.backend;

/** Elementwise unary primitives over floating buffers (result has the input's dtype). */
public enum UnaryOp {
    /** {@code -x}; also defined for INT32. */
    NEG,
    /** {@code e^x}. */
    EXP,
    /** Natural logarithm. */
    LOG,
    /** {@code log(1 + x)}, accurate near 0. */
    LOG1P,
    /** {@code e^x - 1}, accurate near 0. */
    EXPM1,
    /** Square root. */
    SQRT,
    /** Absolute value; also defined for INT32. */
    ABS,
    /** -1, 0 or 1 (NaN stays NaN). */
    SIGN,
    /** Sine. */
    SIN,
    /** Cosine. */
    COS,
    /** Hyperbolic tangent. */
    TANH,
    /** The logistic function {@code 1 / (1 + e^-x)}. */
    SIGMOID,
    /** {@code log |Gamma(x)|}. */
    LGAMMA,
    /** The digamma function, the derivative of lgamma. */
    DIGAMMA,
    /** The trigamma function, the derivative of digamma. */
    TRIGAMMA,
    /** The error function. */
    ERF
}
