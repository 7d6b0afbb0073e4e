package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Solves an {@link OdeSystem} inside a model, differentiably: Stan's {@code integrate_ode_rk45}.
 *
 * <pre>{@code
 * Tensor z = Ode.solve(system, zInit, theta, 0, ts, 1e-8, 1e-8, 10_000);   // [N, d]
 * }</pre>
 *
 * <p><b>How the gradient flows.</b> The solution and its forward sensitivities {@code
 * dz(t_n)/d(theta, z0)} are computed on the host by {@link DormandPrince} at the current values of
 * {@code theta} and {@code z0}. They enter the computation graph as the first-order expansion
 * around those values,
 *
 * <pre>
 * z = z* + J_theta (theta - theta*) + J_z0 (z0 - z0*),     theta* = theta, z0* = z0 (detached),
 * </pre>
 *
 * whose value is exactly {@code z*} and whose gradient is exactly the sensitivities: what HMC and
 * NUTS need. Second derivatives through the solution are not available (a Laplace approximation's
 * Hessian would miss them). The host read means the potential is evaluated directly rather than
 * replayed from a recording.
 *
 * <p>If the solver exceeds its step budget or the solution stops being finite, every entry of the
 * result is NaN, so the log density is NaN and a sampler counts a divergence rather than failing.
 */
public final class Ode {
    private Ode() {}

    /**
     * Solves the system from {@code t0} and returns the states at the output times.
     *
     * @param system the system
     * @param z0 the initial state, a vector of length {@code d}
     * @param theta the parameters, a vector of length {@code P}
     * @param t0 the initial time
     * @param times the output times, strictly increasing and after {@code t0}
     * @param rtol the relative tolerance of each step
     * @param atol the absolute tolerance of each step
     * @param maxSteps the most steps between two output times
     * @return the states, {@code [times.length, d]}, differentiable in {@code z0} and {@code theta}
     */
    public static Tensor solve(
            OdeSystem system,
            Tensor z0,
            Tensor theta,
            double t0,
            double[] times,
            double rtol,
            double atol,
            int maxSteps) {
        int d = system.dimension();
        int p = system.parameters();
        check(z0, d, "z0");
        check(theta, p, "theta");
        double previous = t0;
        for (double t : times) {
            if (!(t > previous)) {
                throw new IllegalArgumentException(
                        "Ode.solve: output times must increase strictly from t0 = "
                                + t0
                                + ", found "
                                + Arrays.toString(times));
            }
            previous = t;
        }
        if (!(rtol > 0) || !(atol > 0) || maxSteps < 1) {
            throw new IllegalArgumentException(
                    "Ode.solve: needs positive tolerances and maxSteps >= 1, found rtol "
                            + rtol
                            + ", atol "
                            + atol
                            + ", maxSteps "
                            + maxSteps);
        }
        double[][] sol =
                DormandPrince.solve(
                        system,
                        z0.detach().toDoubleArray(),
                        theta.detach().toDoubleArray(),
                        t0,
                        times,
                        rtol,
                        atol,
                        maxSteps);
        int n = times.length;
        int cols = p + d;
        double[] value = new double[n * d];
        double[] jacobian = new double[n * d * cols];
        for (int o = 0; o < n; o++) {
            if (sol == null) {
                Arrays.fill(value, Double.NaN);
                break;
            }
            System.arraycopy(sol[o], 0, value, o * d, d);
            System.arraycopy(sol[o], d, jacobian, o * d * cols, d * cols);
        }
        Backend b = z0.backend();
        DType dt = z0.dtype();
        Tensor at = Tensor.of(b, value, DType.FLOAT64, n, d).cast(dt);
        Tensor params = Tensor.concat(List.of(theta, z0), 0);
        Tensor shift = params.sub(params.detach());
        Tensor j = Tensor.of(b, jacobian, DType.FLOAT64, n * d, cols).cast(dt);
        return at.add(j.matmul(shift).reshape(n, d));
    }

    private static void check(Tensor v, int length, String what) {
        if (v.rank() != 1 || v.dim(0) != length || !v.dtype().isFloating()) {
            throw new IllegalArgumentException(
                    "Ode.solve: "
                            + what
                            + " must be a floating vector of length "
                            + length
                            + ", found "
                            + v.dtype()
                            + v.shape());
        }
    }
}
