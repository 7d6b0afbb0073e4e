package dev.credence.backend.djl;

import ai.djl.ndarray.types.DataType;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;

/** Conversions between Credence and DJL shapes and element types. */
final class Types {
    private Types() {}

    /**
     * Returns the DJL type that stores a Credence dtype (BOOL is PyTorch's one-byte bool).
     *
     * @param dtype the Credence dtype
     * @return the DJL data type
     */
    static DataType of(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT64 -> DataType.FLOAT64;
            case INT32 -> DataType.INT32;
            case BOOL -> DataType.BOOLEAN;
        };
    }

    /**
     * Converts a Credence shape (rank 0 for a scalar) to a DJL shape.
     *
     * @param shape the shape
     * @return the DJL shape
     */
    static ai.djl.ndarray.types.Shape of(Shape shape) {
        int r = shape.rank();
        long[] dims = new long[r];
        for (int i = 0; i < r; i++) {
            dims[i] = shape.dim(i);
        }
        return new ai.djl.ndarray.types.Shape(dims);
    }
}
