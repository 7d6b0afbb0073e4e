package dev.credence.api.backend;

/**
 * The element type of a tensor and of the backend buffer that stores it.
 *
 * <p>Floating types carry values and gradients; {@link #INT32} carries indices and counts; {@link
 * #BOOL} carries masks and the results of comparisons. Binary operations never promote silently:
 * both operands must have the same dtype, and {@code Tensor.cast(DType)} converts explicitly.
 */
public enum DType {
    /** IEEE 754 single precision; the default for network training. */
    FLOAT32(4, true),
    /** IEEE 754 double precision; the default for inference on small models. */
    FLOAT64(8, true),
    /** 32-bit signed integers, for indices and counts. */
    INT32(4, false),
    /** Booleans, for masks and comparison results. */
    BOOL(1, false);

    private final int byteSize;
    private final boolean floating;

    DType(int byteSize, boolean floating) {
        this.byteSize = byteSize;
        this.floating = floating;
    }

    /**
     * Returns the size of one element in bytes.
     *
     * @return bytes per element
     */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Tells whether this is a floating-point type, the only kind that gradients flow through.
     *
     * @return true for FLOAT32 and FLOAT64
     */
    public boolean isFloating() {
        return floating;
    }
}
