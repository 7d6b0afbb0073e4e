package dev.credence.models.posteriordb;

/**
 * An ordinary differential equation {@code dz/dt = f(t, z, theta)} with its Jacobians, for {@link
 * Ode#solve}: the Jacobians drive the forward sensitivity equations that give the solution's
 * gradient with respect to the parameters and the initial state.
 *
 * <pre>{@code
 * // Lotka-Volterra: du/dt = (a - b v) u,  dv/dt = (-c + d u) v
 * OdeSystem lv = new OdeSystem() {
 *     public int dimension() { return 2; }
 *     public int parameters() { return 4; }
 *     public void derivative(double t, double[] z, double[] p, double[] dz) {
 *         dz[0] = (p[0] - p[1] * z[1]) * z[0];
 *         dz[1] = (-p[2] + p[3] * z[0]) * z[1];
 *     }
 *     public void jacobian(double t, double[] z, double[] p, double[] dfdz, double[] dfdp) { ... }
 * };
 * }</pre>
 */
public interface OdeSystem {
    /**
     * Returns the number of state variables {@code d}.
     *
     * @return the dimension of {@code z}
     */
    int dimension();

    /**
     * Returns the number of parameters {@code P}.
     *
     * @return the length of {@code theta}
     */
    int parameters();

    /**
     * Evaluates {@code f(t, z, theta)}.
     *
     * @param t the time
     * @param z the state, length {@code d}
     * @param theta the parameters, length {@code P}
     * @param dz receives {@code dz/dt}, length {@code d}
     */
    void derivative(double t, double[] z, double[] theta, double[] dz);

    /**
     * Evaluates the Jacobians of {@code f}.
     *
     * @param t the time
     * @param z the state
     * @param theta the parameters
     * @param dfdz receives {@code df_i/dz_j} at {@code [i * d + j]}
     * @param dfdtheta receives {@code df_i/dtheta_k} at {@code [i * P + k]}
     */
    void jacobian(double t, double[] z, double[] theta, double[] dfdz, double[] dfdtheta);
}
