package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.FloatMath;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.ScalarMath;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cos;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elementwise unary kernels.
 *
 * <p>Most run as ND4J "legacy" transforms (a direct native loop, well under a microsecond of
 * overhead) writing into a pooled output. The others stream through the host in pieces ({@link
 * HostIo#PIECE}): the square root, whose libnd4j loop took 1.3 ms over a 400 x 784 array (an Adam
 * step takes two), against 0.08 ms here; and the functions libnd4j 1.0.0-M2.1 has no exact kernel
 * for: its {@code log1p}, {@code expm1} and {@code tanh} use the naive formulas and lose all
 * precision near 0, its {@code sign} maps NaN to 0, its {@code digamma} does not terminate for some
 * arguments and there is no {@code trigamma}; {@code lgamma}, {@code digamma} and {@code trigamma}
 * use {@link ScalarMath} so that every backend agrees. Host kernels compute FLOAT32 in double and
 * round once, except {@code log1p}, which takes {@link FloatMath#log1p} (within two ulps).
 */
final class Unary {
    private Unary() {}

    static Nd4jBuffer apply(Allocator mem, Primitive op, Nd4jBuffer x) {
        Nd4jBuffer r = mem.allocate(x.dtype, x.shape);
        if (x.size() == 0) {
            return r;
        }
        Op nativeOp = nativeOp(op, x.array, r.array);
        if (nativeOp != null) {
            Nd4j.getExecutioner().exec(nativeOp);
        } else {
            onHost(op, x, r);
        }
        return r;
    }

    /** The ND4J transform for an op, or null if the op runs on the host. */
    private static Op nativeOp(Primitive op, INDArray x, INDArray z) {
        return switch (op) {
            case NEG -> new Negative(x, z);
            case ABS -> new Abs(x, z);
            case EXP -> new Exp(x, z);
            case LOG -> new Log(x, z);
            case SIN -> new Sin(x, z);
            case COS -> new Cos(x, z);
            case SIGMOID -> new Sigmoid(x, z);
            case ERF -> new Erf(x, z);
            // libnd4j's relu with threshold 0; NaN stays NaN, as RELU defines it (kit case U2)
            case RELU -> new RectifiedLinear(x, z, 0.0);
            default -> null;
        };
    }

    /** Streams x through the host in pieces, applying the op, into r. */
    private static void onHost(Primitive op, Nd4jBuffer x, Nd4jBuffer r) {
        int n = x.size();
        if (x.dtype == DType.FLOAT64) {
            double[] v = HostScratch.doubles(0);
            for (int from = 0; from < n; from += v.length) {
                int m = Math.min(v.length, n - from);
                HostIo.read(x.array, from, v, m);
                for (int k = 0; k < m; k++) {
                    v[k] = scalar(op, v[k]);
                }
                HostIo.write(r.array, from, v, m);
            }
        } else {
            float[] v = HostScratch.floats(0);
            for (int from = 0; from < n; from += v.length) {
                int m = Math.min(v.length, n - from);
                HostIo.read(x.array, from, v, m);
                floats(op, v, m);
                HostIo.write(r.array, from, v, m);
            }
        }
    }

    /** The op on {@code v[0..m)} in place, in single precision where that is exact enough. */
    private static void floats(Primitive op, float[] v, int m) {
        switch (op) {
            // Correctly rounded in float as in double (53 >= 2 * 24 + 2 bits).
            case SQRT -> {
                for (int k = 0; k < m; k++) {
                    v[k] = (float) Math.sqrt(v[k]);
                }
            }
            // The jvm backend's bits, in a third of the time of Math.log in double.
            case LOG1P -> {
                for (int k = 0; k < m; k++) {
                    v[k] = FloatMath.log1p(v[k]);
                }
            }
            default -> {
                for (int k = 0; k < m; k++) {
                    v[k] = (float) scalar(op, v[k]);
                }
            }
        }
    }

    /** The op on one value, with {@link Math}'s and {@link ScalarMath}'s semantics. */
    static double scalar(Primitive op, double v) {
        return switch (op) {
            case NEG -> -v;
            case EXP -> Math.exp(v);
            case LOG -> Math.log(v);
            case LOG1P -> Math.log1p(v);
            case EXPM1 -> Math.expm1(v);
            case SQRT -> Math.sqrt(v);
            case ABS -> Math.abs(v);
            case SIGN -> Math.signum(v);
            case SIN -> Math.sin(v);
            case COS -> Math.cos(v);
            case TANH -> Math.tanh(v);
            case SIGMOID -> v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
            case LGAMMA -> ScalarMath.lgamma(v);
            case DIGAMMA -> ScalarMath.digamma(v);
            case TRIGAMMA -> ScalarMath.trigamma(v);
            case ERF -> ScalarMath.erf(v);
            default -> throw new IllegalArgumentException(op + " is not a unary primitive");
        };
    }
}
