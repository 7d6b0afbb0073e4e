package dev.credence.api.dist;

import dev.credence.api.backend.ScalarMath;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.internal.HostSampler;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * Implicit reparameterisation gradients for gamma variates (Figurnov, Mohamed and Mnih, "Implicit
 * reparameterization gradients", NeurIPS 2018), the building block of {@link Gamma#rsample}, {@link
 * InverseGamma#rsample}, {@link Beta#rsample} and {@link Dirichlet#rsample}.
 *
 * <p><b>The idea.</b> A draw {@code x ~ Gamma(a, 1)} from any sampler (here Marsaglia and Tsang's
 * rejection sampler, which has no differentiable path from {@code a} to {@code x}) solves {@code
 * F(x; a) = u} for the uniform {@code u = F(x; a)}, where {@code F} is the CDF, the regularised
 * lower incomplete gamma function {@code P(a, x)}. Holding {@code u} fixed and differentiating both
 * sides gives equation (6) of the paper:
 *
 * <pre>
 * dx/da = - (dF(x; a)/da) / p(x; a).
 * </pre>
 *
 * This class computes the derivative in log space, {@code d log x / da = (dx/da) / x}, in which the
 * density cancels against the prefactor of the incomplete-gamma expansions:
 *
 * <ul>
 *   <li>below {@code x = a + 1}, {@code P = e^L S} with {@code L = a log x - x - lgamma(a + 1)} and
 *       the series {@code S = sum_n t_n}, {@code t_0 = 1}, {@code t_n = t_(n-1) x / (a + n)}; since
 *       {@code p = e^L a / x}, {@code d log x / da = -(S dL/da + dS/da) / a};
 *   <li>above it, {@code Q = 1 - P = e^L' h} with {@code L' = a log x - x - lgamma(a)} and the
 *       continued fraction {@code h} of Numerical Recipes (6.2.7), evaluated by the modified Lentz
 *       method; since {@code p = e^L' / x}, {@code d log x / da = h dL'/da + dh/da}.
 * </ul>
 *
 * The derivatives {@code dS/da} and {@code dh/da} are carried through the series and the fraction
 * in forward mode (each quantity together with its derivative in {@code a}), as Figurnov et al. do
 * in section 3.3. No exponential of {@code L} is ever taken, so the result stays accurate when
 * {@code x} underflows (tiny shapes) and far in the tails.
 *
 * <p><b>On the tape.</b> {@link #logStandardGammas} returns {@code log x + (a - stop(a)) * stop(d
 * log x / da)}: its value is exactly {@code log x} and its gradient with respect to {@code a} is
 * the implicit derivative, with ordinary tensor operations on any backend. Second derivatives
 * through a draw are not available (they are zero on the tape).
 */
final class ImplicitGamma {
    private static final int MAX_TERMS = 100_000;
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;

    private ImplicitGamma() {}

    /**
     * Returns {@code d log x / da} for a draw {@code x ~ Gamma(a, 1)} at a fixed CDF value.
     *
     * @param a the shape, positive and finite
     * @param logX the logarithm of the draw (finite even where {@code x} underflows)
     * @return the derivative; 0 where it cannot be computed (a non-finite input)
     */
    static double dLogXdShape(double a, double logX) {
        if (!(a > 0) || Double.isInfinite(a) || Double.isNaN(logX) || Double.isInfinite(logX)) {
            return 0;
        }
        double x = Math.exp(logX);
        double r = x < a + 1 ? series(a, x, logX) : continuedFraction(a, x, logX);
        return Double.isFinite(r) ? r : 0;
    }

    /** {@code -(S dL + dS) / a} from the series of P(a, x). */
    private static double series(double a, double x, double logX) {
        double dL = logX - ScalarMath.digamma(a + 1);
        double t = 1;
        double dLogT = 0;
        double s = 1;
        double ds = 0;
        for (int n = 1; n < MAX_TERMS; n++) {
            t *= x / (a + n);
            dLogT -= 1 / (a + n);
            double dt = t * dLogT;
            s += t;
            ds += dt;
            if (t < s * EPS && Math.abs(dt) <= Math.abs(ds) * EPS) {
                break;
            }
        }
        return -(s * dL + ds) / a;
    }

    /** {@code h dL' + dh} from the continued fraction of Q(a, x), in forward mode. */
    private static double continuedFraction(double a, double x, double logX) {
        double dL = logX - ScalarMath.digamma(a);
        // b_i = x + 2i - 1 - a, so db/da = -1; a_i = -i (i - a), so da_i/da = i.
        double b = x + 1 - a;
        double db = -1;
        double c = 1 / TINY;
        double dc = 0;
        double d = 1 / b;
        double dd = -db / (b * b);
        double h = d;
        double dh = dd;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            double dan = i;
            b += 2;
            // d <- an d + b
            double nd = an * d + b;
            double ndd = dan * d + an * dd + db;
            if (Math.abs(nd) < TINY) {
                nd = TINY;
                ndd = 0;
            }
            // c <- b + an / c
            double nc = b + an / c;
            double ndc = db + (dan * c - an * dc) / (c * c);
            if (Math.abs(nc) < TINY) {
                nc = TINY;
                ndc = 0;
            }
            d = 1 / nd;
            dd = -ndd / (nd * nd);
            c = nc;
            dc = ndc;
            double delta = d * c;
            double dDelta = dd * c + d * dc;
            dh = dh * delta + h * dDelta;
            h *= delta;
            if (Math.abs(delta - 1) < EPS && Math.abs(h * dDelta) <= Math.abs(dh) * EPS) {
                break;
            }
        }
        return h * dL + dh;
    }

    /**
     * Draws logarithms of unit-rate gamma variates with implicit gradients to their shapes. For
     * each flat index of {@code s}, one draw is made per shape tensor, in the order the tensors are
     * given (so a beta draw reads {@code log X_i, log Y_i, log X_(i+1), ...}, as {@link
     * HostSampler#beta} does).
     *
     * @param key the key
     * @param s the shape of every result
     * @param shapes the gamma shapes, each broadcasting to {@code s}
     * @return one tensor of {@code s} per shape tensor, in the shapes' dtype and backend
     */
    static Tensor[] logStandardGammas(RandomKey key, Shape s, Tensor... shapes) {
        int k = shapes.length;
        double[][] a = new double[k][];
        for (int j = 0; j < k; j++) {
            a[j] = shapes[j].detach().broadcastTo(s.dims()).toDoubleArray();
        }
        int n = s.size();
        double[][] logX = new double[k][n];
        HostSampler host = new HostSampler(key);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                logX[j][i] = host.logGamma(a[j][i]);
            }
        }
        Tensor[] out = new Tensor[k];
        for (int j = 0; j < k; j++) {
            Tensor alpha = shapes[j];
            Tensor value = Tensor.of(alpha.backend(), logX[j], alpha.dtype(), s);
            if (!alpha.isTracked()) {
                out[j] = value;
                continue;
            }
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = dLogXdShape(a[j][i], logX[j][i]);
            }
            Tensor slope = Tensor.of(alpha.backend(), g, alpha.dtype(), s);
            out[j] = value.add(alpha.sub(alpha.detach()).mul(slope));
        }
        return out;
    }
}
