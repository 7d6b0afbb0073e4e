package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import org.nd4j.linalg.api.buffer.DataType;

/** Conversions between Credence's dtypes and shapes and ND4J's. */
final class Types {
    private Types() {}

    /** The ND4J element type that stores a Credence dtype. */
    static DataType of(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT;
            case FLOAT64 -> DataType.DOUBLE;
            case INT32 -> DataType.INT;
            case BOOL -> DataType.BOOL;
        };
    }

    /** The shape as ND4J's {@code long[]}. */
    static long[] dims(Shape shape) {
        int[] d = shape.dims();
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i];
        }
        return out;
    }

    /** Widens ints to longs, for ND4J's integer op arguments. */
    static long[] longs(int... values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
