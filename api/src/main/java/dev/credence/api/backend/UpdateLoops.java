package dev.credence.api.backend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Kernels of the optimizer primitives ({@link Primitive.Family#UPDATE}) for backends to share: over
 * Java arrays, and over native memory seen as {@link ByteBuffer}s. Each writes one pass where the
 * composition makes several, and rounds in the order the primitives define, so its results equal
 * the composition's bit for bit. The loops are plain Java that the JIT vectorises; native memory is
 * streamed through small per-thread arrays that stay in the first-level cache, since the JIT does
 * not vectorise loops over buffers.
 *
 * <pre>{@code
 * // in a backend whose buffers are host memory
 * case EMA, RMS_STEP -> {
 *     ByteBuffer out = allocate(shape, dtype);
 *     UpdateLoops.execute(op, attributes, views(inputs), out, dtype, shape.size());
 * }
 * }</pre>
 */
public final class UpdateLoops {
    /** Elements per piece: four pieces of FLOAT64 fill 32 KiB. */
    private static final int PIECE = 1024;

    private static final ThreadLocal<Pieces> PIECES = ThreadLocal.withInitial(Pieces::new);

    private UpdateLoops() {}

    /**
     * Applies {@link Primitive#EMA} or {@link Primitive#RMS_STEP} to native memory.
     *
     * @param op the primitive
     * @param attributes its attributes
     * @param in the inputs' bytes, row-major, in native byte order (set here)
     * @param out the result's bytes, as many elements as each array input
     * @param dtype FLOAT32 or FLOAT64
     * @param n the number of elements
     */
    public static void execute(
            Primitive op,
            Attributes attributes,
            ByteBuffer[] in,
            ByteBuffer out,
            DType dtype,
            int n) {
        Pieces pc = PIECES.get();
        if (dtype == DType.FLOAT32) {
            FloatBuffer[] f = new FloatBuffer[in.length];
            for (int i = 0; i < in.length; i++) {
                f[i] = in[i].order(ByteOrder.nativeOrder()).asFloatBuffer();
            }
            FloatBuffer o = out.order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int at = 0; at < n; at += PIECE) {
                int len = Math.min(PIECE, n - at);
                f[0].get(at, pc.fa, 0, len);
                f[1].get(at, pc.fb, 0, len);
                if (op == Primitive.EMA) {
                    Attributes.Decay d = (Attributes.Decay) attributes;
                    ema(pc.fa, pc.fb, pc.fo, 0, len, d.decay(), d.squared());
                } else {
                    f[2].get(at, pc.fc, 0, len);
                    rmsStep(pc.fa, pc.fb, pc.fc, pc.fo, 0, len, f[3].get(0), f[4].get(0));
                }
                o.put(at, pc.fo, 0, len);
            }
        } else if (dtype == DType.FLOAT64) {
            DoubleBuffer[] f = new DoubleBuffer[in.length];
            for (int i = 0; i < in.length; i++) {
                f[i] = in[i].order(ByteOrder.nativeOrder()).asDoubleBuffer();
            }
            DoubleBuffer o = out.order(ByteOrder.nativeOrder()).asDoubleBuffer();
            for (int at = 0; at < n; at += PIECE) {
                int len = Math.min(PIECE, n - at);
                f[0].get(at, pc.da, 0, len);
                f[1].get(at, pc.db, 0, len);
                if (op == Primitive.EMA) {
                    Attributes.Decay d = (Attributes.Decay) attributes;
                    ema(pc.da, pc.db, pc.dout, 0, len, d.decay(), d.squared());
                } else {
                    f[2].get(at, pc.dc, 0, len);
                    rmsStep(pc.da, pc.db, pc.dc, pc.dout, 0, len, f[3].get(0), f[4].get(0));
                }
                o.put(at, pc.dout, 0, len);
            }
        } else {
            throw new IllegalArgumentException(
                    op.opName() + ": needs FLOAT32 or FLOAT64, found " + dtype);
        }
    }

    /**
     * {@code out = avg * decay + x * (1 - decay)}, or with {@code x * x}, over the elements {@code
     * [lo, hi)}; the weights are rounded to FLOAT32 as the composition's scalars are.
     *
     * @param avg the average
     * @param x the new values
     * @param out the result (may be {@code avg} or {@code x})
     * @param lo the first element
     * @param hi one past the last element
     * @param decay the old average's weight
     * @param squared whether {@code x} enters squared
     */
    public static void ema(
            float[] avg, float[] x, float[] out, int lo, int hi, double decay, boolean squared) {
        float d = (float) decay;
        float e = (float) (1 - decay);
        if (squared) {
            for (int i = lo; i < hi; i++) {
                out[i] = avg[i] * d + (x[i] * x[i]) * e;
            }
        } else {
            for (int i = lo; i < hi; i++) {
                out[i] = avg[i] * d + x[i] * e;
            }
        }
    }

    /**
     * The FLOAT64 form of {@link #ema(float[], float[], float[], int, int, double, boolean)}.
     *
     * @param avg the average
     * @param x the new values
     * @param out the result
     * @param lo the first element
     * @param hi one past the last element
     * @param decay the old average's weight
     * @param squared whether {@code x} enters squared
     */
    public static void ema(
            double[] avg, double[] x, double[] out, int lo, int hi, double decay, boolean squared) {
        double e = 1 - decay;
        if (squared) {
            for (int i = lo; i < hi; i++) {
                out[i] = avg[i] * decay + (x[i] * x[i]) * e;
            }
        } else {
            for (int i = lo; i < hi; i++) {
                out[i] = avg[i] * decay + x[i] * e;
            }
        }
    }

    /**
     * {@code out = p - (u / (sqrt(s) + eps)) * rate} over the elements {@code [lo, hi)}.
     *
     * @param p the parameter
     * @param u the direction
     * @param s the mean square
     * @param out the result (may be any of the inputs)
     * @param lo the first element
     * @param hi one past the last element
     * @param eps the guard added to the root
     * @param rate the step size
     */
    public static void rmsStep(
            float[] p, float[] u, float[] s, float[] out, int lo, int hi, float eps, float rate) {
        for (int i = lo; i < hi; i++) {
            out[i] = p[i] - (u[i] / ((float) Math.sqrt(s[i]) + eps)) * rate;
        }
    }

    /**
     * The FLOAT64 form of {@link #rmsStep(float[], float[], float[], float[], int, int, float,
     * float)}.
     *
     * @param p the parameter
     * @param u the direction
     * @param s the mean square
     * @param out the result
     * @param lo the first element
     * @param hi one past the last element
     * @param eps the guard added to the root
     * @param rate the step size
     */
    public static void rmsStep(
            double[] p,
            double[] u,
            double[] s,
            double[] out,
            int lo,
            int hi,
            double eps,
            double rate) {
        for (int i = lo; i < hi; i++) {
            out[i] = p[i] - (u[i] / (Math.sqrt(s[i]) + eps)) * rate;
        }
    }

    /** One thread's pieces: three inputs and a result per dtype. */
    private static final class Pieces {
        final float[] fa = new float[PIECE];
        final float[] fb = new float[PIECE];
        final float[] fc = new float[PIECE];
        final float[] fo = new float[PIECE];
        final double[] da = new double[PIECE];
        final double[] db = new double[PIECE];
        final double[] dc = new double[PIECE];
        final double[] dout = new double[PIECE];
    }
}
