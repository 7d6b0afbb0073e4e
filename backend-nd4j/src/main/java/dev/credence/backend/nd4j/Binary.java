package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Elementwise binary kernels, comparisons and {@code where}: libnd4j's legacy {@link Pairwise}
 * loops for operands of equal shape, its broadcasting operations otherwise.
 *
 * <p>Two libnd4j operations differ from {@link Math} and are corrected here. {@code maximum} and
 * {@code minimum} let a number win over a NaN (which one depends on the operand order and on the
 * broadcasting path libnd4j takes), so wherever an operand holds a NaN it is copied into the
 * result. {@code pow} follows C, where {@code pow(1, y)} is 1 for every y and {@code pow(-1, ±inf)}
 * is 1, while Java gives NaN; when the exponent holds a NaN or an infinity the result is recomputed
 * on the host with {@link Math#pow}.
 */
final class Binary {
    private Binary() {}

    static Nd4jBuffer apply(Allocator mem, Primitive op, Nd4jBuffer a, Nd4jBuffer b, Shape out) {
        Nd4jBuffer r = mem.allocate(a.dtype, out);
        if (out.size() == 0) {
            return r;
        }
        if (a.shape.equals(b.shape) && Pairwise.available()) {
            Pairwise.run(op, a.array, b.array, r.array);
        } else {
            Exec.run(name(op), r.array, atRank(a, b, out), atRank(b, a, out));
        }
        if (a.dtype.isFloating()) {
            if (op == Primitive.MAXIMUM || op == Primitive.MINIMUM) {
                copyNaNs(mem, a, out, r.array);
                copyNaNs(mem, b, out, r.array);
            } else if (op == Primitive.POW && Scan.anyNonFinite(b)) {
                HostKernels.pow(mem, a, b, r);
            }
        }
        return r;
    }

    /**
     * The operand {@code x}, viewed with leading 1s up to the result's rank when libnd4j would get
     * the result shape wrong: it treats an operand of one element as a scalar, so for {@code [1,
     * 1]} with {@code [3]} it expects {@code [3]}, not {@code [1, 3]}. Padding the other operand to
     * the full rank avoids that; in every other case the operand is passed as it is.
     */
    private static INDArray atRank(Nd4jBuffer x, Nd4jBuffer other, Shape out) {
        int rank = out.rank();
        int[] d = x.shape.dims();
        if (d.length == rank || other.size() != 1 || other.shape.rank() != rank) {
            return x.array;
        }
        long[] padded = new long[rank];
        for (int i = 0; i < rank; i++) {
            int j = i - (rank - d.length);
            padded[i] = j < 0 ? 1 : d[j];
        }
        return x.array.reshape('c', padded);
    }

    /** The op on two values, as {@link Math} defines it. */
    static double scalar(Primitive op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
            case MAXIMUM -> Math.max(x, y);
            case MINIMUM -> Math.min(x, y);
            default -> throw new IllegalArgumentException(op + " is not a binary primitive");
        };
    }

    private static String name(Primitive op) {
        return switch (op) {
            case ADD -> "add";
            case SUB -> "subtract";
            case MUL -> "multiply";
            case DIV -> "divide";
            case POW -> "Pow";
            case MAXIMUM -> "maximum";
            case MINIMUM -> "minimum";
            default -> throw new IllegalArgumentException(op + " is not a binary primitive");
        };
    }

    /** Sets {@code r[i] = NaN} wherever the broadcast operand {@code a} is NaN. */
    private static void copyNaNs(Allocator mem, Nd4jBuffer a, Shape out, INDArray r) {
        if (!Scan.anyNaN(a)) {
            return;
        }
        INDArray full = Broadcast.to(mem, a, out);
        Nd4j.getExecutioner().exec(new CompareAndSet(r, full, r, Conditions.isNan()));
        Broadcast.done(mem, a, out, full);
    }

    static Nd4jBuffer compare(Allocator mem, Primitive op, Nd4jBuffer a, Nd4jBuffer b, Shape out) {
        Nd4jBuffer r = mem.allocate(DType.BOOL, out);
        if (out.size() == 0) {
            return r;
        }
        String name =
                switch (op) {
                    case LT -> "less";
                    case LE -> "less_equal";
                    case EQ -> "equals";
                    default -> throw new IllegalArgumentException(op + " is no comparison");
                };
        Exec.run(name, r.array, atRank(a, b, out), atRank(b, a, out));
        return r;
    }

    static Nd4jBuffer where(Allocator mem, Nd4jBuffer c, Nd4jBuffer a, Nd4jBuffer b, Shape out) {
        Nd4jBuffer host = HostSelect.where(mem, c, a, b, out);
        if (host != null) {
            return host;
        }
        Nd4jBuffer r = mem.allocate(a.dtype, out);
        if (out.size() == 0) {
            return r;
        }
        INDArray fc = Broadcast.to(mem, c, out);
        INDArray fa = Broadcast.to(mem, a, out);
        INDArray fb = Broadcast.to(mem, b, out);
        Exec.run("select", r.array, fc, fa, fb);
        Broadcast.done(mem, c, out, fc);
        Broadcast.done(mem, a, out, fa);
        Broadcast.done(mem, b, out, fb);
        return r;
    }
}
