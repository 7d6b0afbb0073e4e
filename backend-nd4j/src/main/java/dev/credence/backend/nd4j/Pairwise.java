package dev.credence.backend.nd4j;

import dev.credence.api.backend.Primitive;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseTransformSameOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * libnd4j's "legacy" pairwise transforms for operands of equal shape: a direct native loop, about
 * half the fixed cost of the broadcasting operations, which build an operation context.
 *
 * <p>ND4J 1.0.0-M2.1 exposes these loops only through operation numbers (its {@code PowPairwise} is
 * number 4, {@code CopyOp} number 1). The numbers used here are checked once against known results;
 * if a different libnd4j numbers them differently, {@link #available()} is false and callers use
 * the broadcasting operations instead.
 */
final class Pairwise {
    private Pairwise() {}

    private static final boolean AVAILABLE = selfCheck();

    /** Whether the operation numbers passed the check. */
    static boolean available() {
        return AVAILABLE;
    }

    /** libnd4j's pairwise transform number for an op. */
    static int number(Primitive op) {
        return switch (op) {
            case ADD -> 0;
            case DIV -> 2;
            case MUL -> 3;
            case POW -> 4;
            case SUB -> 6;
            case MAXIMUM -> 7;
            case MINIMUM -> 8;
            default -> throw new IllegalArgumentException(op + " is not a binary primitive");
        };
    }

    /** Computes {@code z = op(x, y)} for arrays of one shape and dtype. */
    static void run(Primitive op, INDArray x, INDArray y, INDArray z) {
        Nd4j.getExecutioner().exec(new Transform(x, y, z, number(op)));
    }

    private static boolean selfCheck() {
        try {
            INDArray x = Nd4j.createFromArray(3.0, 8.0);
            INDArray y = Nd4j.createFromArray(2.0, 4.0);
            for (Primitive op : Primitive.values()) {
                if (op.family() != Primitive.Family.BINARY) {
                    continue;
                }
                INDArray z = Nd4j.create(DataType.DOUBLE, 2);
                run(op, x, y, z);
                double[] want = {
                    Binary.scalar(op, 3, 2), Binary.scalar(op, 8, 4),
                };
                if (!Arrays.equals(want, z.toDoubleVector())) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A pairwise transform selected by number. */
    private static final class Transform extends BaseTransformSameOp {
        private final int number;

        Transform(INDArray x, INDArray y, INDArray z, int number) {
            super(x, y, z);
            this.number = number;
        }

        @Override
        public int opNum() {
            return number;
        }

        @Override
        public String opName() {
            return "credence_pairwise_" + number;
        }

        @Override
        public String onnxName() {
            throw new UnsupportedOperationException("no ONNX name");
        }

        @Override
        public String tensorflowName() {
            throw new UnsupportedOperationException("no TensorFlow name");
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> grad) {
            throw new UnsupportedOperationException("not differentiable in SameDiff");
        }
    }
}
