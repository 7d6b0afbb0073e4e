package dev.credence.api.backend;

import java.util.Locale;

/**
 * The primitive operations, enumerated once: the kernels a {@link Backend} implements ({@link
 * Backend#execute}), the steps the autodiff tape records, the steps of a recorded {@code Program},
 * and the keys of the table of vector-Jacobian rules all use this one enumeration.
 *
 * <p>Each primitive has a {@link Family} (which says how its result's shape and dtype follow from
 * its inputs), an arity and the type of its {@link Attributes}. Adding a primitive touches four
 * places: its entry here, its vector-Jacobian rule (the table in {@code dev.credence.api.tensor}),
 * each backend's kernel, and its case in the conformance kit.
 *
 * <p>An {@link #optional()} primitive is one the tensor layer can also compose from the others
 * ({@link #SOFTPLUS}, for one). A backend implements it where its engine has a faster kernel and
 * says so with {@link Backend#supports}; on other backends the tensor layer applies the composition
 * instead, so adding an optional primitive never breaks a backend built before it.
 *
 * <h2>Semantics</h2>
 *
 * Elementwise functions follow {@link Math} (and {@link ScalarMath} for the special functions);
 * binary functions broadcast as NumPy does. The others are defined on their entries.
 */
public enum Primitive {
    /** {@code -x}; also for INT32. */
    NEG(Family.UNARY),
    /** {@code e^x}. */
    EXP(Family.UNARY),
    /** Natural logarithm. */
    LOG(Family.UNARY),
    /** {@code log(1 + x)}, accurate near 0. */
    LOG1P(Family.UNARY),
    /** {@code e^x - 1}, accurate near 0. */
    EXPM1(Family.UNARY),
    /** Square root. */
    SQRT(Family.UNARY),
    /** Absolute value; also for INT32. */
    ABS(Family.UNARY),
    /** -1, 0 or 1 (NaN stays NaN, zero keeps its sign). */
    SIGN(Family.UNARY),
    /** Sine. */
    SIN(Family.UNARY),
    /** Cosine. */
    COS(Family.UNARY),
    /** Hyperbolic tangent. */
    TANH(Family.UNARY),
    /** Logistic sigmoid {@code 1 / (1 + e^-x)}. */
    SIGMOID(Family.UNARY),
    /**
     * Softplus {@code log(1 + e^x)} for {@code x <= 20} and {@code x} itself above (the library's
     * definition in every dtype, and PyTorch's default threshold); optional, composed from WHERE,
     * EXP and LOG1P on backends that do not supply it.
     */
    SOFTPLUS(Family.UNARY),
    /**
     * Rectified linear unit: {@code x} where {@code x > 0}, zero where {@code x <= 0}, and NaN
     * stays NaN (as PyTorch's {@code relu}); its gradient is 1 where {@code x > 0} and 0 elsewhere,
     * 0 at 0 included. Optional, composed from LE and WHERE on backends that do not supply it.
     */
    RELU(Family.UNARY),
    /** {@code log |Gamma(x)|} ({@link ScalarMath#lgamma}). */
    LGAMMA(Family.UNARY),
    /** Digamma ({@link ScalarMath#digamma}). */
    DIGAMMA(Family.UNARY),
    /** Trigamma ({@link ScalarMath#trigamma}). */
    TRIGAMMA(Family.UNARY),
    /** The error function ({@link ScalarMath#erf}). */
    ERF(Family.UNARY),

    /** {@code a + b}; also for INT32. */
    ADD(Family.BINARY),
    /** {@code a - b}; also for INT32. */
    SUB(Family.BINARY),
    /** {@code a * b}; also for INT32. */
    MUL(Family.BINARY),
    /** {@code a / b}. */
    DIV(Family.BINARY),
    /** {@code a ^ b} ({@link Math#pow}). */
    POW(Family.BINARY),
    /** The larger of {@code a} and {@code b}, NaN if either is; also for INT32. */
    MAXIMUM(Family.BINARY),
    /** The smaller of {@code a} and {@code b}, NaN if either is; also for INT32. */
    MINIMUM(Family.BINARY),

    /** {@code a < b}, a BOOL result. */
    LT(Family.COMPARE),
    /** {@code a <= b}, a BOOL result. */
    LE(Family.COMPARE),
    /** {@code a == b}, a BOOL result. */
    EQ(Family.COMPARE),

    /** {@code where(cond, a, b)}: {@code a} where the BOOL {@code cond} is true, else {@code b}. */
    WHERE(Family.SELECT),

    /** Sum over axes ({@link Attributes.Reduce}); FLOAT32 sums accumulate in double. */
    SUM(Family.REDUCE),
    /** Maximum over axes ({@link Attributes.Reduce}); NaN propagates; empty gives -infinity. */
    MAX(Family.REDUCE),

    /**
     * Cumulative sum along an axis ({@link Attributes.Scan}): inclusive or exclusive, forward or
     * reverse. FLOAT32 may accumulate in FLOAT32.
     */
    CUMSUM(Family.SCAN),
    /** Cumulative product along an axis ({@link Attributes.Scan}), as {@link #CUMSUM}. */
    CUMPROD(Family.SCAN),

    /**
     * Matrix product {@code op(a) op(b)} ({@link Attributes.MatMul}): {@code [..., m, k] x [..., k,
     * n] -> [..., m, n]} after the optional transposes, batch axes broadcasting.
     */
    MATMUL(Family.LINEAR_ALGEBRA),
    /**
     * Cholesky factor of symmetric positive-definite matrices {@code [..., d, d]}: the lower
     * triangular {@code L} with {@code L L^T = a} and a positive diagonal. Only the lower triangle
     * of {@code a} (diagonal included) is read. A matrix of the batch that is not positive definite
     * (a pivot that is not {@code > 0}, or NaN) gives a factor whose every entry is NaN; the other
     * matrices of the batch are unaffected.
     */
    CHOLESKY(Family.LINEAR_ALGEBRA),
    /**
     * Solves {@code op(t) x = b} for triangular {@code t [..., d, d]} and {@code b [..., d, n]}
     * ({@link Attributes.Triangular}), batch axes broadcasting. Only the triangle named by the
     * attributes (diagonal included) is read; a zero on the diagonal gives infinities or NaN as
     * IEEE division does.
     */
    TRIANGULAR_SOLVE(Family.LINEAR_ALGEBRA),

    /**
     * Two-dimensional cross-correlation, as deep-learning libraries define convolution ({@link
     * Attributes.Conv2d}): inputs {@code x [N, C, H, W]} and {@code w [O, C, kh, kw]}, result
     * {@code [N, O, Ho, Wo]} with
     *
     * <pre>
     * y[n, o, i, j] = sum over c, p, q of x[n, c, i sh + p dh - ph, j sw + q dw - pw] w[o, c, p, q]
     * Ho = floor((H + 2 ph - dh (kh - 1) - 1) / sh) + 1     (Wo likewise)
     * </pre>
     *
     * where {@code s}, {@code p} and {@code d} are the stride, the zero padding and the dilation,
     * and entries of {@code x} outside {@code [0, H) x [0, W)} are zero. There is no bias (add it
     * with a broadcast) and no grouping.
     */
    CONV2D(Family.WINDOW),
    /**
     * Maximum over windows of the last two axes ({@link Attributes.Pool2d}): {@code x [N, C, H, W]}
     * to {@code [N, C, Ho, Wo]} with {@code Ho = floor((H + 2 ph - kh) / sh) + 1}. Padding cells
     * never win (they are minus infinity); a window that holds a NaN gives NaN.
     */
    MAX_POOL2D(Family.WINDOW),
    /**
     * Mean over windows of the last two axes ({@link Attributes.Pool2d}), shaped as {@link
     * #MAX_POOL2D}. Padding cells count as zeros and the divisor is always {@code kh kw} (PyTorch's
     * {@code count_include_pad=True}).
     */
    AVG_POOL2D(Family.WINDOW),

    /** The same row-major elements in a new shape of equal size. */
    RESHAPE(Family.MOVEMENT),
    /** Reorders axes ({@link Attributes.Permutation}). */
    PERMUTE(Family.MOVEMENT),
    /** Repeats size-1 and missing leading axes to reach the result shape. */
    BROADCAST_TO(Family.MOVEMENT),
    /** A block {@code [begin, end)} of every axis ({@link Attributes.Range}). */
    SLICE(Family.MOVEMENT),
    /** Joins any number of inputs along an existing axis ({@link Attributes.Axis}). */
    CONCAT(Family.MOVEMENT),
    /**
     * Selects slices of {@code x} along an axis by the INT32 {@code indices}, each in range ({@link
     * Attributes.Axis}): the result has shape {@code x.shape[:axis] + indices.shape +
     * x.shape[axis+1:]}.
     */
    GATHER(Family.MOVEMENT),
    /**
     * The adjoint of {@link #GATHER}: inputs {@code (indices, src)}; a zero buffer of the result
     * shape into which each slice of {@code src} is added at its index along the axis ({@link
     * Attributes.Axis}).
     */
    SCATTER_ADD(Family.MOVEMENT),
    /**
     * One-hot encodes INT32 indices along a new last axis whose size (the depth) is the result's
     * last dimension; indices outside {@code [0, depth)} give an all-zero row.
     */
    ONE_HOT(Family.MOVEMENT),
    /**
     * Converts elements to the result dtype (floating to INT32 truncates toward zero and saturates
     * as Java does; to BOOL is {@code != 0}).
     */
    CAST(Family.MOVEMENT),

    /**
     * One step of an exponential moving average, as optimizers keep their moments ({@link
     * Attributes.Decay}): inputs {@code (avg, x)} of one shape and floating dtype, result {@code
     * avg * d + x * (1 - d)}, or {@code avg * d + (x * x) * (1 - d)} when the attributes say
     * squared, each product and sum rounded to the dtype in that order (so a fused kernel agrees
     * bit for bit with the composition). Optional, composed from MUL and ADD on backends that do
     * not supply it.
     */
    EMA(Family.UPDATE),
    /**
     * The step of an optimizer that divides by a root mean square (Adam's, RMSprop's): inputs
     * {@code (p, u, s, eps, rate)}, the first three of one shape and floating dtype, {@code eps}
     * and {@code rate} scalars (shape {@code []}) of that dtype; result {@code p - (u / (sqrt(s) +
     * eps)) * rate}, rounded to the dtype at each operation in that order. Optional, composed from
     * SQRT, ADD, DIV, MUL and SUB on backends that do not supply it.
     */
    RMS_STEP(Family.UPDATE);

    /** How a primitive's inputs relate to its result. */
    public enum Family {
        /** One input; the result has its shape and dtype. */
        UNARY,
        /** Two inputs of one dtype, broadcast; the result has their dtype. */
        BINARY,
        /** Two inputs of one dtype, broadcast; the result is BOOL. */
        COMPARE,
        /** {@code (cond, a, b)}, broadcast; the result has the dtype of {@code a}. */
        SELECT,
        /** One floating input reduced over axes. */
        REDUCE,
        /** One floating input scanned along an axis; the result has its shape. */
        SCAN,
        /** Matrix operations over the last two axes, with batch axes. */
        LINEAR_ALGEBRA,
        /**
         * Sliding windows over the two spatial axes of {@code [N, C, H, W]} images: convolution and
         * pooling.
         */
        WINDOW,
        /** Data movement and conversion: shape, order, selection and dtype of elements. */
        MOVEMENT,
        /**
         * An optimizer's update of its state: inputs of one floating dtype, the first ones of the
         * result's shape, any others scalars; one pass where a composition would take several.
         */
        UPDATE
    }

    private final Family family;
    private final String opName;

    Primitive(Family family) {
        this.family = family;
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        this.opName = sb.toString();
    }

    /**
     * Returns the lower-case name error messages use, e.g. {@code matmul} or {@code broadcastTo}.
     *
     * @return the name
     */
    public String opName() {
        return opName;
    }

    /**
     * Returns the family, which says how the result's shape and dtype follow from the inputs.
     *
     * @return the family
     */
    public Family family() {
        return family;
    }

    /**
     * Whether the primitive is optional: composed from other primitives by the tensor layer on a
     * backend whose {@link Backend#supports} says it has no kernel of its own.
     *
     * @return true for {@link #SOFTPLUS}, {@link #RELU}, {@link #EMA} and {@link #RMS_STEP}
     */
    public boolean optional() {
        return this == SOFTPLUS || this == RELU || family == Family.UPDATE;
    }

    /**
     * Returns how many input buffers the primitive takes, or -1 for any number ({@link #CONCAT}).
     *
     * @return the arity
     */
    public int arity() {
        return switch (this) {
            case CONCAT -> -1;
            case WHERE -> 3;
            case RMS_STEP -> 5;
            case MATMUL, TRIANGULAR_SOLVE, GATHER, SCATTER_ADD, CONV2D, EMA -> 2;
            default -> family == Family.BINARY || family == Family.COMPARE ? 2 : 1;
        };
    }

    /**
     * Returns the type of the attributes this primitive takes.
     *
     * @return the record class
     */
    public Class<? extends Attributes> attributeType() {
        return switch (this) {
            case SUM, MAX -> Attributes.Reduce.class;
            case CUMSUM, CUMPROD -> Attributes.Scan.class;
            case MATMUL -> Attributes.MatMul.class;
            case TRIANGULAR_SOLVE -> Attributes.Triangular.class;
            case CONV2D -> Attributes.Conv2d.class;
            case MAX_POOL2D, AVG_POOL2D -> Attributes.Pool2d.class;
            case PERMUTE -> Attributes.Permutation.class;
            case SLICE -> Attributes.Range.class;
            case CONCAT, GATHER, SCATTER_ADD -> Attributes.Axis.class;
            case EMA -> Attributes.Decay.class;
            default -> Attributes.None.class;
        };
    }
}
