package dev.credence.api.tensor;

import dev.credence.api.backend.Shape;

/**
 * Thrown by {@link LinearAlgebra#checkedCholesky} when a matrix is not (numerically) symmetric
 * positive definite. Inside tensors the same condition is an all-NaN factor; this exception is the
 * one checked entry point for callers on the host.
 */
public final class NotPositiveDefiniteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int batchIndex;

    /**
     * Creates the exception.
     *
     * @param batchIndex the flat index, over the batch axes, of the first failing matrix
     * @param shape the shape of the factorised tensor
     */
    public NotPositiveDefiniteException(int batchIndex, Shape shape) {
        super(
                "cholesky: matrix "
                        + batchIndex
                        + " of the batch "
                        + shape
                        + " is not positive definite (or contains NaN)");
        this.batchIndex = batchIndex;
    }

    /**
     * Returns the flat index of the first failing matrix over the batch axes (0 for one matrix).
     *
     * @return the index
     */
    public int batchIndex() {
        return batchIndex;
    }
}
