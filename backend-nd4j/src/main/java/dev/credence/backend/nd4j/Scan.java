package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Condition;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Cheap questions about a floating buffer's values, asked before a kernel needs a slow exact path.
 * Small buffers are scanned on the host (one bulk copy, no native call); large ones with ND4J's
 * counting reduction.
 */
final class Scan {
    private Scan() {}

    /** Buffers up to this many elements are scanned on the host. */
    static final int HOST_LIMIT = 4096;

    /** Whether any element is NaN. */
    static boolean anyNaN(Nd4jBuffer x) {
        return any(x, false);
    }

    /** Whether any element is NaN or infinite. */
    static boolean anyNonFinite(Nd4jBuffer x) {
        return any(x, true);
    }

    private static boolean any(Nd4jBuffer x, boolean orInfinite) {
        int n = x.size();
        if (n == 0) {
            return false;
        }
        if (n > HOST_LIMIT) {
            Condition c = orInfinite ? Conditions.notFinite() : Conditions.isNan();
            INDArray count = Nd4j.getExecutioner().exec(new MatchCondition(x.array, c));
            double found = count.getDouble(0);
            count.close();
            return found > 0;
        }
        if (x.dtype == DType.FLOAT64) {
            for (double v : HostIo.readDoubles(x.array, n)) {
                if (orInfinite ? !Double.isFinite(v) : v != v) {
                    return true;
                }
            }
        } else {
            for (float v : HostIo.readFloats(x.array, n)) {
                if (orInfinite ? !Float.isFinite(v) : v != v) {
                    return true;
                }
            }
        }
        return false;
    }
}
