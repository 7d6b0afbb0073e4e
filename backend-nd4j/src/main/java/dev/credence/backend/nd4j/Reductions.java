package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sum and max over axes, as libnd4j reductions into pooled outputs.
 *
 * <p>FLOAT32 sums accumulate in double: the input is widened, summed and the result rounded once,
 * so a long sum of floats is as accurate as the reference's (a sum of every element runs on the
 * host). libnd4j's max lets a later number replace a NaN, so when the input holds a NaN the maximum
 * is recomputed on the host. A reduction over no axis, or over axes of size 1 only, is a reshape.
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
        } else if (out.size() == 1) {
            HostIo.write(r.array, new float[] {(float) wholeSum(x)}, 1);
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

    /**
     * The sum of all of a FLOAT32 array's elements in double, streamed through the host with four
     * running sums: a third of the time of widening to FLOAT64 and reducing natively (a weight
     * gradient's sum, every training step).
     */
    private static double wholeSum(Nd4jBuffer x) {
        int n = x.size();
        float[] piece = HostScratch.floats(0);
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int from = 0; from < n; from += piece.length) {
            int m = Math.min(piece.length, n - from);
            HostIo.read(x.array, from, piece, m);
            int k = 0;
            for (; k + 4 <= m; k += 4) {
                s0 += piece[k];
                s1 += piece[k + 1];
                s2 += piece[k + 2];
                s3 += piece[k + 3];
            }
            for (; k < m; k++) {
                s0 += piece[k];
            }
        }
        return (s0 + s1) + (s2 + s3);
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
