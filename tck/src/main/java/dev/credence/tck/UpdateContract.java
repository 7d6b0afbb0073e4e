package dev.credence.tck;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.Updates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules O1-O2: the optimizer primitives EMA and RMS_STEP, whether the backend supplies them or the
 * API composes them.
 *
 * <ul>
 *   <li>O1 EMA (plain and squared) and RMS_STEP match a reference that rounds in the primitives'
 *       order, in FLOAT32 and FLOAT64, on lengths that straddle blocking and threading thresholds.
 *   <li>O2 the same when the operands are views: a transposed matrix and a broadcast row.
 * </ul>
 */
public interface UpdateContract extends KitFixture {

    /**
     * O1.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("O1 EMA and RMS_STEP match the reference")
    default void o1Updates(DType dt) {
        for (int n : new int[] {1, 7, 1025, 70_001}) {
            check("O1 n=" + n + " " + dt, dt, n, false);
        }
    }

    /**
     * O2.
     *
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DType.class,
            names = {"FLOAT32", "FLOAT64"})
    @DisplayName("O2 EMA and RMS_STEP read transposed and broadcast operands")
    default void o2Views(DType dt) {
        check("O2 " + dt, dt, 12, true);
    }

    private void check(String what, DType dt, int n, boolean views) {
        double[] p = values(1, n, -2, 2, dt);
        double[] g = values(2, n, -3, 3, dt);
        double[] row = values(3, views ? 4 : n, -1, 1, dt);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = row[i % row.length];
        }
        double[] v = values(4, n, 0, 4, dt);
        double decay1 = 0.9;
        double decay2 = 0.999;
        double eps = 1e-3;
        double rate = 0.25;
        boolean single = dt == DType.FLOAT32;
        double[] m1 = new double[n];
        double[] v1 = new double[n];
        double[] p1 = new double[n];
        for (int i = 0; i < n; i++) {
            m1[i] = single ? emaF(m[i], g[i], decay1, false) : emaD(m[i], g[i], decay1, false);
            v1[i] = single ? emaF(v[i], g[i], decay2, true) : emaD(v[i], g[i], decay2, true);
            p1[i] =
                    single
                            ? stepF(p[i], m1[i], v1[i], eps, rate)
                            : stepD(p[i], m1[i], v1[i], eps, rate);
        }
        Shape s = Shape.of(n);
        Tensor tm =
                views
                        ? Tensor.of(backend(), row, dt, 4).broadcastTo(3, 4)
                        : Tensor.of(backend(), m, dt, n);
        Tensor tg = tensor(g, dt, n, views);
        Tensor tv = tensor(v, dt, n, views);
        Tensor tp = tensor(p, dt, n, views);
        Tensor em = Updates.ema(tm, tg, decay1, false);
        Tensor ev = Updates.ema(tv, tg, decay2, true);
        Tensor ep = Updates.rmsStep(tp, em, ev, scalar(eps, dt), scalar(rate, dt));
        double rtol = single ? 1e-6 : 1e-14;
        double atol = single ? 1e-7 : 1e-15;
        Check.close(what + " ema", m1, s, em.reshape(n), rtol, atol);
        Check.close(what + " ema squared", v1, s, ev.reshape(n), rtol, atol);
        Check.close(what + " rmsStep", p1, s, ep.reshape(n), rtol, atol);
    }

    private double[] values(long seed, int n, double lo, double hi, DType dt) {
        double[] x = Ref.uniform(seed + 17L * n, n, lo, hi);
        return dt == DType.FLOAT32 ? Ref.toFloatPrecision(x) : x;
    }

    /** The values as a tensor: plain, or a [3, 4] transposed view of a stored [4, 3] matrix. */
    private Tensor tensor(double[] x, DType dt, int n, boolean views) {
        if (!views) {
            return Tensor.of(backend(), x, dt, n);
        }
        double[] stored = Ref.permute(x, Shape.of(3, 4), new int[] {1, 0});
        return Tensor.of(backend(), stored, dt, 4, 3).transpose();
    }

    private Tensor scalar(double x, DType dt) {
        return Tensor.of(backend(), new double[] {x}, dt, 1).reshape();
    }

    private static double emaF(double avg, double x, double d, boolean squared) {
        float fx = (float) x;
        float fresh = squared ? fx * fx : fx;
        return (float) avg * (float) d + fresh * (float) (1 - d);
    }

    private static double emaD(double avg, double x, double d, boolean squared) {
        return avg * d + (squared ? x * x : x) * (1 - d);
    }

    private static double stepF(double p, double u, double s, double eps, double rate) {
        float root = (float) Math.sqrt((float) s);
        return (float) p - ((float) u / (root + (float) eps)) * (float) rate;
    }

    private static double stepD(double p, double u, double s, double eps, double rate) {
        return p - (u / (Math.sqrt(s) + eps)) * rate;
    }
}
