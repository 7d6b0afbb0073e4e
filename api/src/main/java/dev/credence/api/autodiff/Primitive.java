package dev.credence.api.autodiff;

/**
 * Every operation that can appear on the tape. Each has exactly one rule in {@link VjpRules}.
 *
 * <p>The elementwise names mirror {@link dev.credence.api.backend.UnaryOp} and {@link
 * dev.credence.api.backend.BinaryOp}; {@link #IDENTITY} marks a variable introduced by {@link
 * Autodiff}.
 */
public enum Primitive {
    /** A variable of a differentiation: the identity on its (possibly tracked) input. */
    IDENTITY,
    /** Negation. */
    NEG,
    /** Exponential. */
    EXP,
    /** Natural logarithm. */
    LOG,
    /** log(1+x). */
    LOG1P,
    /** exp(x)-1. */
    EXPM1,
    /** Square root. */
    SQRT,
    /** Absolute value. */
    ABS,
    /** Sign. */
    SIGN,
    /** Sine. */
    SIN,
    /** Cosine. */
    COS,
    /** Hyperbolic tangent. */
    TANH,
    /** Logistic sigmoid. */
    SIGMOID,
    /** log|Gamma|. */
    LGAMMA,
    /** Digamma. */
    DIGAMMA,
    /** Trigamma. */
    TRIGAMMA,
    /** Error function. */
    ERF,
    /** Addition. */
    ADD,
    /** Subtraction. */
    SUB,
    /** Multiplication. */
    MUL,
    /** Division. */
    DIV,
    /** Power. */
    POW,
    /** Elementwise maximum. */
    MAXIMUM,
    /** Elementwise minimum. */
    MINIMUM,
    /** Selection by a mask. */
    WHERE,
    /** Sum over axes. */
    SUM,
    /** Maximum over axes. */
    MAX,
    /** Matrix product. */
    MATMUL,
    /** New shape, same elements. */
    RESHAPE,
    /** Axis permutation. */
    PERMUTE,
    /** Broadcast to a larger shape. */
    BROADCAST_TO,
    /** Contiguous block. */
    SLICE,
    /** Join along an axis. */
    CONCAT,
    /** Index selection along an axis. */
    GATHER,
    /** Adjoint of gather. */
    SCATTER_ADD,
    /** Conversion between floating dtypes. */
    CAST;

    private static final Primitive[] BY_UNARY = new Primitive[16];
    private static final Primitive[] BY_BINARY = new Primitive[7];

    static {
        for (var u : dev.credence.api.backend.UnaryOp.values()) {
            BY_UNARY[u.ordinal()] = valueOf(u.name());
        }
        BY_BINARY[0] = ADD;
        BY_BINARY[1] = SUB;
        BY_BINARY[2] = MUL;
        BY_BINARY[3] = DIV;
        BY_BINARY[4] = POW;
        BY_BINARY[5] = MAXIMUM;
        BY_BINARY[6] = MINIMUM;
    }

    /**
     * Maps a backend unary op to its primitive.
     *
     * @param op the unary op
     * @return the primitive
     */
    public static Primitive of(dev.credence.api.backend.UnaryOp op) {
        return BY_UNARY[op.ordinal()];
    }

    /**
     * Maps a backend binary op to its primitive.
     *
     * @param op the binary op
     * @return the primitive
     */
    public static Primitive of(dev.credence.api.backend.BinaryOp op) {
        return BY_BINARY[op.ordinal()];
    }
}
