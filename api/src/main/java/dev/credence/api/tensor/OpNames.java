package dev.credence.api.tensor;

import dev.credence.api.backend.BinaryOp;
import dev.credence.api.backend.CompareOp;
import dev.credence.api.backend.ReduceOp;
import dev.credence.api.backend.UnaryOp;
import java.util.Locale;

/** Lower-case operation names for error messages, computed once rather than on every call. */
final class OpNames {
    private OpNames() {}

    private static final String[] UNARY = names(UnaryOp.values());
    private static final String[] BINARY = names(BinaryOp.values());
    private static final String[] COMPARE = names(CompareOp.values());
    private static final String[] REDUCE = names(ReduceOp.values());

    private static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].name().toLowerCase(Locale.ROOT);
        }
        return out;
    }

    static String of(UnaryOp op) {
        return UNARY[op.ordinal()];
    }

    static String of(BinaryOp op) {
        return BINARY[op.ordinal()];
    }

    static String of(CompareOp op) {
        return COMPARE[op.ordinal()];
    }

    static String of(ReduceOp op) {
        return REDUCE[op.ordinal()];
    }
}
