package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sum and max over axes, as libnd4j reductions into pooled outputs.
 *
 * <p>FLOAT32 sums accumulate in double: the input is widened, summed and the result rounded once,
 * so a long sum of floats is as accurate as the reference's. libnd4j's max lets a later number
 * replace a NaN, so when the input holds a NaN the maximum is recomputed on the host. A reduction
 * over no axis, or over axes of size 1 only, is a reshape.
 */
final class Reductions {
    private Reductions() {}

    static Nd4jBuffer reduce(
            Allocator mem, Primitive op, Nd4jBuffer x, int[] axes, boolean keepDims) {
        Shape out = x.shape.reduce(axes, keepDims);
        if (reducedSize(x.shape, axes) == 1) {
            return Movement.reshape(mem, x, out);
        }
        if (out.size() == 0) {
            return mem.allocate(x.dtype, out);
        }
        if (x.size() == 0) {
            double identity = op == Primitive.SUM ? 0 : Double.NEGATIVE_INFINITY;
            return Transfer.full(mem, identity, out, x.dtype);
        }
        Nd4jBuffer r = mem.allocate(x.dtype, out);
        if (op == Primitive.MAX) {
            max(x, axes, keepDims, r);
        } else if (x.dtype == DType.FLOAT64) {
            run("reduce_sum", x.array, axes, keepDims, r.array);
        } else {
            sumInDouble(mem, x, axes, keepDims, r);
        }
        return r;
    }

    private static void max(Nd4jBuffer x, int[] axes, boolean keepDims, Nd4jBuffer r) {
        if (Scan.anyNaN(x)) {
            HostKernels.max(x, axes, r);
        } else {
            run("reduce_max", x.array, axes, keepDims, r.array);
        }
    }

    private static void sumInDouble(
            Allocator mem, Nd4jBuffer x, int[] axes, boolean keepDims, Nd4jBuffer r) {
        INDArray wide = mem.temp(DType.FLOAT64, x.shape);
        wide.assign(x.array);
        INDArray sum = mem.temp(DType.FLOAT64, r.shape);
        run("reduce_sum", wide, axes, keepDims, sum);
        r.array.assign(sum);
        mem.free(wide, DType.FLOAT64, x.shape);
        mem.free(sum, DType.FLOAT64, r.shape);
    }

    /** Runs libnd4j's reduction (cheaper to call than ND4J's legacy reduce classes). */
    private static void run(String name, INDArray x, int[] axes, boolean keepDims, INDArray out) {
        Exec.runIB(name, Types.longs(axes), new boolean[] {keepDims}, out, x);
    }

    /** The number of elements folded into each output element. */
    private static long reducedSize(Shape s, int[] axes) {
        long n = 1;
        for (int a : axes) {
            n *= s.dim(a);
        }
        return n;
    }
}
