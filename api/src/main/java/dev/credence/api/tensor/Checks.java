package dev.credence.api.tensor;

import dev.credence.api.backend.DType;

/** Argument checks that several operation families share, each with the message it throws. */
final class Checks {
    private Checks() {}

    static void sameBackend(Tensor a, Tensor b, String op) {
        if (a.backend() != b.backend()) {
            throw new IllegalArgumentException(
                    op
                            + ": operands live on different backends ("
                            + a.backend().name()
                            + " and "
                            + b.backend().name()
                            + "); move one with to(backend)");
        }
    }

    static void sameDType(Tensor a, Tensor b, String op) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(
                    op
                            + ": dtypes differ ("
                            + a.dtype()
                            + " and "
                            + b.dtype()
                            + "); convert one with cast(dtype)");
        }
    }

    static void floating(Tensor x, String op) {
        if (!x.dtype().isFloating()) {
            throw new IllegalArgumentException(
                    op + ": needs a FLOAT32 or FLOAT64 tensor, found " + x.dtype());
        }
    }

    /**
     * Checks that {@code idx} is INT32 with every value in {@code [0, bound)}; reads the values.
     * The read is not noted by a {@link Program} being recorded: a check can only pass or throw,
     * never change what is computed, so it does not make a recording depend on the values (a replay
     * does not repeat it).
     */
    static void indices(Tensor idx, int bound, String op) {
        if (idx.dtype() != DType.INT32) {
            throw new IllegalArgumentException(
                    op + ": indices must be INT32, found " + idx.dtype());
        }
        for (int v : idx.backend().toInts(idx.buffer())) {
            if (v < 0 || v >= bound) {
                throw new IndexOutOfBoundsException(
                        op + ": index " + v + " is outside [0, " + bound + ")");
            }
        }
    }

    /** Checks that {@code m} has rank at least 2 and square trailing matrices. */
    static void squareMatrices(Tensor m, String op) {
        if (m.rank() < 2 || m.dim(-1) != m.dim(-2)) {
            throw new IllegalArgumentException(
                    op + ": needs square matrices [..., d, d], found shape " + m.shape());
        }
    }
}
