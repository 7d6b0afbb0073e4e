package dev.credence.backend.nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs ND4J custom (libnd4j "declarable") operations into caller-provided outputs.
 *
 * <p>{@code Nd4j.exec(op)} builds a new native op context for every call and frees it only when the
 * garbage collector finds it. Here each thread keeps one context per operation name and reuses it:
 * every call of an operation sets the same arguments in the same layout, so nothing stale survives
 * from a previous call, and the context is purged of its arrays afterwards so it keeps no tensor
 * reachable.
 */
final class Exec {
    private Exec() {}

    private static final long[] NO_LONGS = {};
    private static final double[] NO_DOUBLES = {};

    private static final ConcurrentHashMap<String, Long> HASHES = new ConcurrentHashMap<>();
    private static final ThreadLocal<Map<String, OpContext>> CONTEXTS =
            ThreadLocal.withInitial(HashMap::new);

    /** Runs an operation that takes only arrays. */
    static void run(String name, INDArray out, INDArray... in) {
        run(name, NO_LONGS, NO_DOUBLES, null, null, new INDArray[] {out}, in);
    }

    /** Runs an operation with integer and boolean arguments. */
    static void runIB(String name, long[] iArgs, boolean[] bArgs, INDArray out, INDArray... in) {
        run(name, iArgs, NO_DOUBLES, bArgs, null, new INDArray[] {out}, in);
    }

    /** Runs an operation with boolean arguments. */
    static void runB(String name, boolean[] bArgs, INDArray out, INDArray... in) {
        run(name, NO_LONGS, NO_DOUBLES, bArgs, null, new INDArray[] {out}, in);
    }

    /** Runs an operation with integer arguments. */
    static void runI(String name, long[] iArgs, INDArray out, INDArray... in) {
        run(name, iArgs, NO_DOUBLES, null, null, new INDArray[] {out}, in);
    }

    /**
     * Runs an operation.
     *
     * @param name the libnd4j operation name
     * @param iArgs integer arguments
     * @param tArgs floating arguments
     * @param bArgs boolean arguments, or null
     * @param dArgs dtype arguments, or null
     * @param out the output arrays, already allocated with the right shapes
     * @param in the input arrays
     */
    static void run(
            String name,
            long[] iArgs,
            double[] tArgs,
            boolean[] bArgs,
            DataType[] dArgs,
            INDArray[] out,
            INDArray... in) {
        OpContext ctx = CONTEXTS.get().computeIfAbsent(name, k -> newContext());
        try {
            ctx.setInputArrays(in);
            ctx.setOutputArrays(out);
            ctx.setIArguments(iArgs);
            ctx.setTArguments(tArgs);
            if (bArgs != null) {
                ctx.setBArguments(bArgs);
            }
            if (dArgs != null) {
                ctx.setDArguments(dArgs);
            }
            NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            int status = ops.execCustomOp2(null, hash(name), ctx.contextPointer());
            if (status != 0) {
                throw new IllegalStateException(
                        "libnd4j operation '"
                                + name
                                + "' failed with status "
                                + status
                                + ": "
                                + ops.lastErrorMessage());
            }
        } finally {
            ctx.purge();
        }
    }

    private static OpContext newContext() {
        return Nd4j.getExecutioner().buildContext();
    }

    /** The native hash that identifies an operation, looked up once per name. */
    private static long hash(String name) {
        Long h = HASHES.get(name);
        if (h == null) {
            h = HASHES.computeIfAbsent(name, k -> DynamicCustomOp.builder(k).build().opHash());
        }
        return h;
    }
}
